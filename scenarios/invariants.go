package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
)

// Invariant names. "Step" invariants hold after every committed store step;
// "quiescent" ones hold once the queue has drained at the end of a run,
// because Drydock lets them lapse between two worker runs (see each doc).
const (
	// InvBindingUnique (step): no host binding backs two live (pending or
	// active) resources.
	InvBindingUnique = "binding-unique"
	// InvBlueprintLimit (step): resources that are not destroyed never
	// exceed the blueprint's limit (WorkingCopy counts pending, active,
	// broken and released ones).
	InvBlueprintLimit = "blueprint-limit"
	// InvLeaseCapacity (step): acquired and active leases on a resource
	// never exceed its capacity.
	InvLeaseCapacity = "lease-capacity"
	// InvOnePendingAllocation (step): a lease never waits on two pending
	// resources it built itself (D21807).
	InvOnePendingAllocation = "one-pending-allocation"
	// InvAttributesMatch (step): once a resource's attributes are set,
	// every acquired or active lease on it wants nothing they contradict.
	InvAttributesMatch = "attributes-match"
	// InvAcquireLiveResource (step): a lease is linked only to a resource
	// that is pending or active at the instant of the link.
	InvAcquireLiveResource = "acquire-live-resource"
	// InvReclaimIdleOnly (step): a reclaim releases a resource only if no
	// lease is acquired or active on it at the instant of the release.
	InvReclaimIdleOnly = "reclaim-idle-only"
	// InvReleaseOnce (step and quiescent): each lease's release hook runs
	// at most once, and exactly once for every lease that was linked and
	// then released.
	InvReleaseOnce = "release-hooks-once"
	// InvSingleWriter (step): every lease status change starts from the
	// status the store held; a write based on a stale read (a lost update)
	// breaks the chain.
	InvSingleWriter = "single-writer"
	// InvBrokenOwnCause (step): a lease breaks only for its own reasons
	// (its activation failed, no blueprint can serve it), never because its
	// resource or a blueprint's allocation failed.
	InvBrokenOwnCause = "broken-own-cause"
	// InvNoOrphanSlotLocks (step): no slot lock is held by a destroyed
	// lease or resource.
	InvNoOrphanSlotLocks = "no-orphan-slot-locks"
	// InvNoLeaseOnDeadResource (quiescent): no acquired or active lease
	// remains on a resource that is released, broken or destroyed. Between
	// worker runs such a lease may exist while its release command or its
	// throw-back is still queued.
	InvNoLeaseOnDeadResource = "no-lease-on-dead-resource"
	// InvLiveness (liveness phase): with faults off, every lease becomes
	// active or ends within the scenario's liveness budget, and the queue
	// drains.
	InvLiveness = "liveness"
	// InvReclaimStall (liveness phase): a lease waits for ever on a reclaim
	// the resource worker refused. Drydock keeps a refused reclaim in the
	// lease's reclaimed list, and yieldForReclaimingResources (D19753)
	// yields while that resource stays active; if nothing else releases
	// it, the lease never allocates again. drysim found this hole in the
	// modelled Drydock; scenarios measure it rather than forbid it.
	InvReclaimStall = "reclaim-stall"
)

// InvariantDoc is one invariant's name and meaning.
type InvariantDoc struct {
	Name, Doc string
}

// Invariants lists every invariant with its meaning.
func Invariants() []InvariantDoc {
	return []InvariantDoc{
		{InvBindingUnique, "no host binding backs two live resources"},
		{InvBlueprintLimit, "resources not destroyed stay within the blueprint's limit"},
		{InvLeaseCapacity, "leases on a resource stay within its capacity"},
		{InvOnePendingAllocation, "a lease waits on at most one pending resource of its own"},
		{InvAttributesMatch, "a linked lease's wants match its resource's attributes"},
		{InvAcquireLiveResource, "leases are linked only to pending or active resources"},
		{InvReclaimIdleOnly, "a reclaim releases only resources with no linked lease"},
		{InvReleaseOnce, "each lease's release hook runs exactly once"},
		{InvSingleWriter, "no lease status write is based on a stale read"},
		{InvBrokenOwnCause, "leases break only for their own activation failure"},
		{InvNoOrphanSlotLocks, "destroyed objects hold no slot locks"},
		{InvNoLeaseOnDeadResource, "at quiescence no linked lease sits on a dead resource"},
		{InvLiveness, "with faults off, every lease becomes active or ends within budget"},
		{InvReclaimStall, "a lease waits for ever on a reclaim that was refused (a Drydock hole; measured)"},
	}
}

// Violation is one broken invariant: what, which objects, when.
type Violation struct {
	Invariant string
	Objects   []allocator.Ref
	Step      int64
	Time      time.Duration // virtual time since the world began
	Detail    string
}

func (v Violation) String() string {
	objs := make([]string, len(v.Objects))
	for i, o := range v.Objects {
		objs[i] = o.String()
	}
	return fmt.Sprintf("%s [%s] at step %d (+%v): %s", v.Invariant, strings.Join(objs, " "), v.Step, v.Time, v.Detail)
}

func invariantNames() []string {
	var names []string
	for _, inv := range Invariants() {
		names = append(names, inv.Name)
	}
	return names
}

func knownInvariant(name string) bool { return slices.Contains(invariantNames(), name) }
