package allocator

import (
	"fmt"
	"strings"
)

// Fix is one of Drydock's race fixes. The reference strategy has all of
// them; slot-without=<fix> drops one so a report can show which race it
// closes. Fixes lists each with its documentation.
type Fix uint8

const (
	// FixBindingSlotLocks writes almanac.host.binding(X) in the resource's
	// first-save transaction. Closes double allocation on a host.
	FixBindingSlotLocks Fix = iota
	// FixLimitSlotLocks writes allocator(bp).limit(n) in the first-save
	// transaction. Closes allocation past a blueprint's limit.
	FixLimitSlotLocks
	// FixYieldForPending makes a lease wait for the resource it built while
	// that resource is pending, instead of building another.
	FixYieldForPending
	// FixAttributesBeforeSave sets a resource's attributes in its first
	// save, so nobody sees it without them.
	FixAttributesBeforeSave
	// FixResourceLockOnAcquire re-reads the resource and links the lease
	// under the resource lock.
	FixResourceLockOnAcquire
	// FixReclaimRecheckUnderLock makes the resource worker re-check
	// idleness under the resource lock before a reclaim releases.
	FixReclaimRecheckUnderLock
	// FixReleaseViaCommandQueue turns releases and reclaims into commands
	// consumed by the object's single writer.
	FixReleaseViaCommandQueue
	// FixAllocateFailureYields logs and swallows a blueprint that said it
	// could allocate and then failed, instead of breaking the lease.
	FixAllocateFailureYields
	numFixes
)

// FixInfo documents one fix: its name on the command line, what it does,
// and the Drydock revision credited with it.
type FixInfo struct {
	Fix      Fix
	Name     string
	Doc      string
	Revision string
	// Global: the global strategy's one allocator lock does this fix's job
	// (it serializes the decision the fix makes safe), so global closes the
	// same races without the fix itself.
	Global bool
}

var fixes = [numFixes]FixInfo{
	{FixBindingSlotLocks, "binding-slot-locks", "host-binding slot locks in the resource's first-save transaction", "D14118", true},
	{FixLimitSlotLocks, "limit-slot-locks", "blueprint-limit slot locks in the resource's first-save transaction", "D19078", true},
	{FixYieldForPending, "yield-for-pending", "a lease yields while a resource it built is pending", "D21807", false},
	{FixAttributesBeforeSave, "attributes-before-save", "a resource's attributes are set in its first save", "D10304", false},
	{FixResourceLockOnAcquire, "resource-lock-on-acquire", "acquire re-reads the resource and links under its lock", "D19080", true},
	{FixReclaimRecheckUnderLock, "reclaim-recheck-under-lock", "the resource worker re-checks idleness under its lock before a reclaim", "D19080", false},
	{FixReleaseViaCommandQueue, "release-via-command-queue", "release and reclaim are commands for the object's single writer", "D14143", false},
	{FixAllocateFailureYields, "allocate-failure-yields", "a failed allocation is logged and swallowed, not a broken lease", "D19070", false},
}

// Info documents the fix.
func (f Fix) Info() FixInfo {
	if f < numFixes {
		return fixes[f]
	}
	return FixInfo{Fix: f, Name: fmt.Sprintf("Fix(%d)", uint8(f))}
}

func (f Fix) String() string { return f.Info().Name }

// Fixes documents every fix, in order.
func Fixes() []FixInfo { return fixes[:] }

// AllFixes lists every fix in order.
func AllFixes() []Fix {
	out := make([]Fix, numFixes)
	for i := range out {
		out[i] = Fix(i)
	}
	return out
}

func fixNames() []string {
	out := make([]string, numFixes)
	for i, f := range fixes {
		out[i] = f.Name
	}
	return out
}

// ParseFix reads a fix name.
func ParseFix(name string) (Fix, error) {
	for _, f := range fixes {
		if f.Name == name {
			return f.Fix, nil
		}
	}
	return 0, fmt.Errorf("unknown fix %q; valid: %s", name, strings.Join(fixNames(), ", "))
}

// FixSet is a set of fixes.
type FixSet uint16

// Has reports whether f is in the set.
func (s FixSet) Has(f Fix) bool { return s&(1<<f) != 0 }

func allFixes() FixSet { return 1<<numFixes - 1 }

func without(s FixSet, fs ...Fix) FixSet {
	for _, f := range fs {
		s &^= 1 << f
	}
	return s
}

// Strategy is a locking strategy: which fixes the allocator applies, and
// whether one global lock serializes its decisions. Strategies lists the
// named ones; ParseStrategy also reads "slot-without=<fix>[,<fix>...]".
type Strategy struct {
	Name   string
	Fixes  FixSet
	Global bool
}

// Has reports whether the strategy applies fix f itself.
func (s Strategy) Has(f Fix) bool { return s.Fixes.Has(f) }

// Closes reports whether the strategy closes the race fix f closes: it
// applies f, or its global lock does f's job.
func (s Strategy) Closes(f Fix) bool { return s.Has(f) || (s.Global && f.Info().Global) }

func (s Strategy) String() string { return s.Name }

// MarshalText writes the strategy's name.
func (s Strategy) MarshalText() ([]byte, error) { return []byte(s.Name), nil }

// UnmarshalText reads a name ParseStrategy accepts.
func (s *Strategy) UnmarshalText(b []byte) error {
	st, err := ParseStrategy(string(b))
	if err != nil {
		return err
	}
	*s = st
	return nil
}

// Role says what a named strategy stands for in a comparison.
type Role uint8

const (
	// RoleBaseline: none of the fixes; every race is reachable.
	RoleBaseline Role = iota
	// RoleCoarse: one lock around every decision.
	RoleCoarse
	// RoleReference: Drydock as its code is; every fix.
	RoleReference
)

// StrategyInfo documents a named strategy.
type StrategyInfo struct {
	Name string
	Doc  string
	Role Role
	// fixes and global build the Strategy.
	fixes  FixSet
	global bool
}

// Strategy is the strategy the info names.
func (i StrategyInfo) Strategy() Strategy {
	return Strategy{Name: i.Name, Fixes: i.fixes, Global: i.global}
}

// Strategies lists the named strategies in the order help texts, sweeps
// and reports show them. A new strategy is one line here (and the code its
// fixes switch).
func Strategies() []StrategyInfo {
	return []StrategyInfo{
		{Name: "naive", Doc: "none of the fixes; every race is reachable", Role: RoleBaseline},
		{Name: "global", Doc: "one global allocator lock around every allocation, release and reclaim decision, instead of slot locks and the resource lock on acquire",
			Role: RoleCoarse, global: true, fixes: without(allFixes(), FixBindingSlotLocks, FixLimitSlotLocks, FixResourceLockOnAcquire)},
		{Name: "slot", Doc: "Drydock as it is: slot locks, the resource lock, the command queue; every fix", Role: RoleReference, fixes: allFixes()},
	}
}

// StrategyNames lists the named strategies.
func StrategyNames() []string {
	var out []string
	for _, s := range Strategies() {
		out = append(out, s.Name)
	}
	return out
}

// AblationPrefix starts the name of the reference strategy minus some
// fixes: slot-without=<fix>[,<fix>...].
const AblationPrefix = "slot-without="

// Ablation is the reference strategy without fix f.
func Ablation(f Fix) Strategy {
	return Strategy{Name: AblationPrefix + f.String(), Fixes: without(allFixes(), f)}
}

// ParseStrategy reads a strategy name: one of Strategies, or
// slot-without=<fix>[,<fix>...].
func ParseStrategy(name string) (Strategy, error) {
	for _, s := range Strategies() {
		if s.Name == name {
			return s.Strategy(), nil
		}
	}
	list, ok := strings.CutPrefix(name, AblationPrefix)
	if !ok || list == "" {
		return Strategy{}, fmt.Errorf("unknown strategy %q; valid: %s, %s<fix> with fix one of: %s",
			name, strings.Join(StrategyNames(), ", "), AblationPrefix, strings.Join(fixNames(), ", "))
	}
	s := Strategy{Name: name, Fixes: allFixes()}
	for _, part := range strings.Split(list, ",") {
		f, err := ParseFix(part)
		if err != nil {
			return Strategy{}, fmt.Errorf("strategy %q: %w", name, err)
		}
		s.Fixes = without(s.Fixes, f)
	}
	return s, nil
}
