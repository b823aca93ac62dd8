package allocator

import (
	"fmt"
	"slices"
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
	// FixCommandLoopStops stops a worker's command loop once its target can
	// take no more commands, so a second release command is never run.
	FixCommandLoopStops
	numFixes
)

// FixInfo documents one fix: its name on the command line, what it does,
// the Drydock revision that really introduced it and what the code did
// before (docs/drydock.md §7 quotes both sides).
type FixInfo struct {
	Fix  Fix
	Name string
	Doc  string
	// Revision, Commit and Date name the change that introduced the fix in
	// phacility/phabricator; empty for a hypothetical fix.
	Revision, Commit, Date string
	// PreFix is what the code did before: what the ablation restores.
	PreFix string
	// Hypothetical: no Drydock ever lacked this fix; its ablation shows
	// what the fix guards against, not code that existed.
	Hypothetical bool
	// Global: the global strategy's one allocator lock does this fix's job
	// (it serializes the decision the fix makes safe), so global closes the
	// same races without the fix itself.
	Global bool
}

// Credit is the fix's revision, commit and date, or "hypothetical".
func (f FixInfo) Credit() string {
	if f.Hypothetical || f.Revision == "" {
		return "hypothetical"
	}
	return f.Revision + " " + f.Commit + " " + f.Date
}

var fixes = [numFixes]FixInfo{
	{Fix: FixBindingSlotLocks, Name: "binding-slot-locks", Global: true,
		Doc:      "host-binding slot locks in the resource's first-save transaction",
		Revision: "D14118", Commit: "3ac99006bf", Date: "2015-09-21",
		PreFix: "Almanac's allocateResource built on a binding an unlocked read said was free (\"TODO: This algorithm can race\")"},
	{Fix: FixLimitSlotLocks, Name: "limit-slot-locks", Global: true,
		Doc:      "blueprint-limit slot locks in the resource's first-save transaction",
		Revision: "D14334", Commit: "c059149eb9", Date: "2015-10-26",
		PreFix: "the limit was only an advisory, unlocked count of the blueprint's resources"},
	{Fix: FixYieldForPending, Name: "yield-for-pending",
		Doc:      "a lease yields while a resource it built is pending",
		Revision: "D21807", Commit: "62360ea406", Date: "2022-05-09",
		PreFix: "no record of what a lease built, pending resources queried as candidates, and the pool throttled to max(1, ceil(25% of active)) resources in flight (D14236, removed by D21808)"},
	{Fix: FixAttributesBeforeSave, Name: "attributes-before-save",
		Doc:      "a resource's attributes are set before its first save",
		Revision: "D14117", Commit: "6e03419593", Date: "2015-09-21",
		PreFix: "the resource is saved first and its attributes later, as D14234 (4cf1270ecd, 2015-10-05) did for working copies until D14334 restored the rule"},
	{Fix: FixResourceLockOnAcquire, Name: "resource-lock-on-acquire", Global: true,
		Doc:      "acquire takes the resource lock, reloads the resource and checks its status before linking",
		Revision: "D19080", Commit: "a1baedbd9a", Date: "2018-02-13",
		PreFix: "acquireOnResource wrote slot locks and the link on the caller's copy of the resource: no lock, no reload, no status check"},
	{Fix: FixReclaimRecheckUnderLock, Name: "reclaim-recheck-under-lock", Hypothetical: true,
		Doc:    "the resource worker re-checks idleness under its lock before a reclaim releases",
		PreFix: "a reclaim command releases without re-checking; no Drydock did this: the re-check came with reclaim itself (D14819, 7168d8edd9, 2015-12-18)"},
	{Fix: FixReleaseViaCommandQueue, Name: "release-via-command-queue",
		Doc:      "release is a command consumed by the object's single writer",
		Revision: "D14143", Commit: "789df89c84", Date: "2015-09-23",
		PreFix: "whoever wanted a lease or resource gone read it and released it directly (\"This is all broken nonsense\")"},
	{Fix: FixAllocateFailureYields, Name: "allocate-failure-yields",
		Doc:      "a blueprint that promised a resource and failed is logged and the lease yields",
		Revision: "D19070", Commit: "4dd32dca3e", Date: "2018-02-13",
		PreFix: "every blueprint failing threw an aggregate exception that broke the lease, unless one failure was a slot-lock collision"},
	{Fix: FixCommandLoopStops, Name: "command-loop-stops",
		Doc:      "a worker stops consuming commands once its target can take no more",
		Revision: "D14143", Commit: "789df89c84", Date: "2015-09-23",
		PreFix: "every pending command runs: phorge's D26884 (1fe7b65d9a, 2026-03-29) removed the check, so a second release runs the release hooks again"},
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
	// RoleVersion: another real code version, compared with the reference.
	RoleVersion
)

// StrategyInfo documents a named strategy.
type StrategyInfo struct {
	Name string
	Doc  string
	Role Role
	// Aliases also name the strategy on a command line.
	Aliases []string
	// Hypothetical: no Drydock ever ran this code.
	Hypothetical bool
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
		{Name: "naive", Role: RoleBaseline, Hypothetical: true,
			Doc: "hypothetical: today's Drydock with none of the fixes (no real revision lacked them all)"},
		{Name: "global", Role: RoleCoarse, Hypothetical: true, global: true,
			fixes: without(allFixes(), FixBindingSlotLocks, FixLimitSlotLocks, FixResourceLockOnAcquire),
			Doc:   "hypothetical: one global allocator lock around every allocation, release and reclaim decision instead of slot locks and the resource lock (D10304's alternative)"},
		{Name: "slot", Role: RoleReference, Aliases: []string{"phabricator"}, fixes: allFixes(),
			Doc: "Drydock as phacility/phabricator has it at 5720a38cfe95: slot locks, the resource lock, the command queue; every fix"},
		{Name: "phorge", Role: RoleVersion, fixes: without(allFixes(), FixCommandLoopStops),
			Doc: "phorgeit/phorge at 07c1a51310cf: slot without the command loop's stop (D26884, 1fe7b65d9a, 2026-03-29)"},
	}
}

// StrategyNames lists the named strategies (not their aliases).
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
		if s.Name == name || slices.Contains(s.Aliases, name) {
			st := s.Strategy()
			st.Name = name
			return st, nil
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
