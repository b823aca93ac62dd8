package allocator

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pingcap/failpoint"
)

// Failpoint names. Each sits in one race window; enabling it widens the
// window by sleeping there (see window), so a race happens on the first
// seed instead of the hundredth.
const (
	// FPAfterCandidates: candidate resources read, nothing locked yet.
	// Widens pending-steal.
	FPAfterCandidates = "allocator/afterLoadCandidates"
	// FPBeforeAllocateResource: the coarse limit and binding checks passed,
	// the first save has not happened. Widens double-allocation.
	FPBeforeAllocateResource = "allocator/beforeAllocateResource"
	// FPBeforeSaveAttributes: a resource was saved without attributes
	// (only without attributes-before-save). Widens pending-attributes.
	FPBeforeSaveAttributes = "allocator/beforeSaveAttributes"
	// FPBeforeLinkLease: acquire re-read the resource, the lease is not
	// linked yet. Widens reclaim-race.
	FPBeforeLinkLease = "allocator/beforeLinkLease"
	// FPBeforeReclaimRelease: a reclaim judged the resource idle and has
	// not released it yet. Widens reclaim-race.
	FPBeforeReclaimRelease = "allocator/beforeReclaimRelease"
	// FPBeforeReleaseLease: a releaser saw the lease releasable and has not
	// written it yet. Widens release-race.
	FPBeforeReleaseLease = "allocator/beforeReleaseLease"
	// FPBeforeReleaseResource: a releaser saw the resource releasable and
	// has not written it yet (without the command queue). Widens
	// lost-hosts.
	FPBeforeReleaseResource = "allocator/beforeReleaseResource"
	// FPAfterSlotRelease: a released resource has freed its slot locks and
	// is not saved destroyed yet. Widens the limit overshoot.
	FPAfterSlotRelease = "allocator/afterSlotRelease"
	// FPBeforeActivateResource and FPBeforeActivateLease: before the
	// blueprint's activation calls.
	FPBeforeActivateResource = "allocator/beforeActivateResource"
	FPBeforeActivateLease    = "allocator/beforeActivateLease"
)

// FailpointInfo documents one failpoint.
type FailpointInfo struct {
	Name string
	Race string
	Doc  string
}

// Failpoints lists the allocator's failpoints.
func Failpoints() []FailpointInfo {
	return []FailpointInfo{
		{FPAfterCandidates, "pending-steal", "candidates read, nothing locked"},
		{FPBeforeAllocateResource, "double-allocation", "coarse checks passed, first save not done"},
		{FPBeforeSaveAttributes, "pending-attributes", "resource saved without its attributes"},
		{FPBeforeLinkLease, "reclaim-race", "resource re-read, lease not linked"},
		{FPBeforeReclaimRelease, "reclaim-race", "resource judged idle, not released"},
		{FPBeforeReleaseLease, "release-race", "lease seen releasable, not written"},
		{FPBeforeReleaseResource, "lost-hosts", "resource seen releasable, not written"},
		{FPAfterSlotRelease, "blueprint-limit", "slot locks freed, destroyed not saved"},
		{FPBeforeActivateResource, "activation-failure", "before the blueprint activates a resource"},
		{FPBeforeActivateLease, "activation-failure", "before the blueprint activates a lease"},
	}
}

// FailpointNames lists the allocator's failpoint names, sorted.
func FailpointNames() []string {
	var names []string
	for _, f := range Failpoints() {
		names = append(names, f.Name)
	}
	slices.Sort(names)
	return names
}

// CheckFailpointName returns an error naming the valid failpoints if name
// is not one of known.
func CheckFailpointName(name string, known []string) error {
	if slices.Contains(known, name) {
		return nil
	}
	return fmt.Errorf("unknown failpoint %q; valid: %s", name, strings.Join(known, ", "))
}

// window evaluates a failpoint inside a race window. Its value says how
// long to stay in the window: an int is milliseconds, a string is a Go
// duration ("30s"), true or a bare return() is one second, false is none.
func (a *Allocator) window(name string) {
	if d := WindowDuration(a.rt.Failpoint(name)); d > 0 {
		a.rt.Sleep(d)
	}
}

// WindowDuration reads a failpoint value as a time to wait (see window).
func WindowDuration(v failpoint.Value) time.Duration {
	switch x := v.(type) {
	case nil:
		return 0
	case int:
		return time.Duration(x) * time.Millisecond
	case string:
		if d, err := time.ParseDuration(x); err == nil {
			return d
		}
	case bool:
		if !x {
			return 0
		}
	}
	return time.Second
}
