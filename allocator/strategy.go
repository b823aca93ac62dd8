package allocator

import (
	"fmt"
	"strings"
)

// Fix is one of Drydock's race fixes. The slot strategy has all of them;
// slot-without=<fix> drops one so a report can show which race it closes.
type Fix uint8

const (
	// FixBindingSlotLocks writes almanac.host.binding(X) in the resource's
	// first-save transaction (D14118). Closes double allocation on a host.
	FixBindingSlotLocks Fix = iota
	// FixLimitSlotLocks writes allocator(bp).limit(n) in the first-save
	// transaction (D19078). Closes allocation past a blueprint's limit.
	FixLimitSlotLocks
	// FixYieldForPending makes a lease wait for the resource it built while
	// that resource is pending, instead of building another (D21807).
	FixYieldForPending
	// FixAttributesBeforeSave sets a resource's attributes in its first
	// save, so nobody sees it without them.
	FixAttributesBeforeSave
	// FixResourceLockOnAcquire re-reads the resource and links the lease
	// under the resource lock (D19080).
	FixResourceLockOnAcquire
	// FixReclaimRecheckUnderLock makes the resource worker re-check
	// idleness under the resource lock before a reclaim releases (D19080).
	FixReclaimRecheckUnderLock
	// FixReleaseViaCommandQueue turns releases and reclaims into commands
	// consumed by the object's single writer (D14143).
	FixReleaseViaCommandQueue
	// FixAllocateFailureYields logs and swallows a blueprint that said it
	// could allocate and then failed, instead of breaking the lease (D19070).
	FixAllocateFailureYields
	numFixes
)

var fixNames = [numFixes]string{
	"binding-slot-locks", "limit-slot-locks", "yield-for-pending", "attributes-before-save",
	"resource-lock-on-acquire", "reclaim-recheck-under-lock", "release-via-command-queue",
	"allocate-failure-yields",
}

func (f Fix) String() string {
	if f < numFixes {
		return fixNames[f]
	}
	return fmt.Sprintf("Fix(%d)", uint8(f))
}

// AllFixes lists every fix in order.
func AllFixes() []Fix {
	out := make([]Fix, numFixes)
	for i := range out {
		out[i] = Fix(i)
	}
	return out
}

// ParseFix reads a fix name.
func ParseFix(name string) (Fix, error) {
	for i, n := range fixNames {
		if n == name {
			return Fix(i), nil
		}
	}
	return 0, fmt.Errorf("unknown fix %q; valid: %s", name, strings.Join(fixNames[:], ", "))
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

// Strategy is a locking strategy, selected by name:
//
//   - naive: none of the fixes; every race is reachable.
//   - global: one global allocator lock around every allocation decision
//     and every release or reclaim decision, instead of slot locks and the
//     resource lock on acquire; the other fixes stay.
//   - slot: Drydock as it is (DRYDOCK.md): every fix.
//   - slot-without=<fix>[,<fix>...]: slot minus the named fixes.
type Strategy struct {
	Name   string
	Fixes  FixSet
	Global bool
}

// Has reports whether the strategy has fix f.
func (s Strategy) Has(f Fix) bool { return s.Fixes.Has(f) }

func (s Strategy) String() string { return s.Name }

// StrategyNames lists the base strategy names.
func StrategyNames() []string { return []string{"naive", "global", "slot"} }

// ParseStrategy reads a strategy name (see Strategy).
func ParseStrategy(name string) (Strategy, error) {
	switch name {
	case "naive":
		return Strategy{Name: name}, nil
	case "global":
		return Strategy{Name: name, Global: true, Fixes: without(allFixes(),
			FixBindingSlotLocks, FixLimitSlotLocks, FixResourceLockOnAcquire)}, nil
	case "slot":
		return Strategy{Name: name, Fixes: allFixes()}, nil
	}
	list, ok := strings.CutPrefix(name, "slot-without=")
	if !ok || list == "" {
		return Strategy{}, fmt.Errorf("unknown strategy %q; valid: naive, global, slot, slot-without=<fix> with fix one of: %s",
			name, strings.Join(fixNames[:], ", "))
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
