package atlantis

import (
	"fmt"
	"slices"

	"github.com/drysim/drysim/systems/catalog"
)

// Policy is how a command takes the working-dir locker's locks (the pull's
// and the workspace directory's).
type Policy uint8

const (
	// FailFast tries once and rejects the command if the lock is held:
	// Atlantis's WorkingDirLocker ("try or instantly fail").
	FailFast Policy = iota
	// PollRetry tries again every poll interval until a timeout, then
	// rejects (the retry proposed in the ADR's review).
	PollRetry
	// Queue waits in line (FIFO) until a timeout, then rejects ("block
	// initially and then timeout after a certain limit").
	Queue
	// Blocking waits in line for as long as it takes ("would be a lot more
	// end user friendly if they were blocking locks").
	Blocking
)

func (p Policy) String() string {
	switch p {
	case FailFast:
		return "fail-fast"
	case PollRetry:
		return "poll-retry"
	case Queue:
		return "queue"
	case Blocking:
		return "blocking"
	}
	return fmt.Sprintf("Policy(%d)", uint8(p))
}

// Waits reports whether the policy ever holds a lock while it waits for
// another: only a blocking wait without a timeout can close a cycle.
func (p Policy) Waits() bool { return p == Blocking }

// Fix is one of the fixes that close Atlantis's lock races.
type Fix uint8

const (
	// FixLockCoversFix: the working-dir lock covers the check whether the
	// directory is up to date and the clone or merge that fixes it.
	FixLockCoversFix Fix = iota
	// FixRevalidateBeforePlan: before planning, verify again that the
	// checkout is up to date with upstream and merge again if not.
	FixRevalidateBeforePlan
	// FixLockSpansPlanApply: a project lock is held from plan to apply
	// (and merge), not just for one command.
	FixLockSpansPlanApply
	// FixAtomicLockStore: the lock store's TryLock is one compare-and-set.
	FixAtomicLockStore
	// FixPullLockOrder: the pull's lock is always taken before a
	// workspace's.
	FixPullLockOrder
	numFixes
)

// FixInfo documents a fix: what it does, where it comes from and what the
// code did before.
type FixInfo = catalog.FixInfo[Fix]

// Fixes documents every fix, in order.
func Fixes() []FixInfo {
	return []FixInfo{
		{Fix: FixLockCoversFix, Name: "lock-covers-fix", Hypothetical: true,
			Doc:    "the working-dir lock is held across the check (exists, right commit, in sync) and the fix (clone, fetch, merge)",
			Credit: "ADR 0002 review (seed 000): \"lock, check for conditions, fix condition, unlock\"",
			PreFix: "the lock covers the check only: two commands that both find the directory out of date clone into it at once (what the review's comment guards against; the ADR quotes no code that does it)"},
		{Fix: FixRevalidateBeforePlan, Name: "revalidate-before-plan",
			Doc:    "after the project lock is won, verify again that the checkout is up to date with upstream and merge again if not",
			Credit: "ADR 0002 review (seed 000): \"before the steps, you will at least have to verify (again!) that you are still up to date\"",
			PreFix: "a directory already at the pull's head commit is planned as it is, however long ago it was merged with upstream (merge checkout strategy)"},
		{Fix: FixLockSpansPlanApply, Name: "lock-spans-plan-apply", Hypothetical: true,
			Doc:    "a project lock is taken at plan and kept until the pull is merged or unlocked (Atlantis's project locks)",
			Credit: "Atlantis's project locks (ADR 0002 steps 8.1 and \"the lock lifetime should be: grab, ..., plan, apply, merge, unlock\")",
			PreFix: "the project lock is held per command and released after the plan, so another pull can plan and apply in between (locking only at apply is proposed in #3879, without re-planning)"},
		{Fix: FixAtomicLockStore, Name: "atomic-lock-store",
			Doc:    "the lock store's TryLock reads and writes the key in one transaction (Atlantis's BoltDB backend: bolt Update)",
			Credit: "runatlantis/atlantis server/core/boltdb/boltdb.go TryLock (not in the seed)",
			PreFix: "TryLock reads the key, then sets it in a second call: two pulls that both read it free both own it (runatlantis/atlantis server/core/redis/redis.go TryLock: GET, then SET; not in the seed)"},
		{Fix: FixPullLockOrder, Name: "pull-lock-order", Hypothetical: true,
			Doc:    "a command that needs the pull's lock and a workspace's takes the pull's first, as the plan-all builder does",
			Credit: "hypothetical: the lock hierarchy of ADR 0002 step 5 (TryLockPull held while workspace locks are taken)",
			PreFix: "a project command holds its workspace lock while it waits for the pull's, as a blocking rewrite of TryLock would (the pull-level lock is checked after the workspace's): ABBA with a plan-all builder"},
	}
}

// Info documents the fix.
func (f Fix) Info() FixInfo { return catalog.Info(Fixes(), f) }

func (f Fix) String() string { return f.Info().Name }

// ParseFix reads a fix name.
func ParseFix(name string) (Fix, error) { return catalog.ParseFix("Atlantis", Fixes(), name) }

// FixSet is a set of fixes.
type FixSet = catalog.Set[Fix]

// AllFixes is every fix.
var AllFixes = catalog.All(numFixes)

// Strategy is a lock policy and the fixes applied.
type Strategy struct {
	Name   string
	Policy Policy
	Fixes  FixSet
}

// Has reports whether the strategy applies f.
func (s Strategy) Has(f Fix) bool { return s.Fixes.Has(f) }

// Closes reports whether the strategy closes the race f closes: it
// applies f, or its policy makes f moot (a policy that never holds one
// lock while it blocks on another cannot deadlock, whatever the order).
func (s Strategy) Closes(f Fix) bool {
	return s.Has(f) || (f == FixPullLockOrder && !s.Policy.Waits())
}

// StrategyInfo documents a named strategy.
type StrategyInfo struct {
	Strategy
	Doc          string
	Reference    bool
	Hypothetical bool
}

// Strategies are the named strategies: one per lock policy, every fix.
func Strategies() []StrategyInfo {
	return []StrategyInfo{
		{Strategy: Strategy{Name: "fail-fast", Policy: FailFast, Fixes: AllFixes}, Reference: true,
			Doc: "Atlantis's working-dir locker: try the lock, reject the command if it is held (\"try or instantly fail\"); BoltDB project locks"},
		{Strategy: Strategy{Name: "poll-retry", Policy: PollRetry, Fixes: AllFixes}, Hypothetical: true,
			Doc: "try again every poll interval until a timeout (the retry proposed in the ADR's review: \"it's what users have to do manually anyway\")"},
		{Strategy: Strategy{Name: "queue", Policy: Queue, Fixes: AllFixes}, Hypothetical: true,
			Doc: "wait in line until a timeout (\"block initially and then timeout after a certain limit\")"},
		{Strategy: Strategy{Name: "blocking", Policy: Blocking, Fixes: AllFixes}, Hypothetical: true,
			Doc: "wait in line without a timeout (\"would be a lot more end user friendly if they were blocking locks\")"},
	}
}

// ParseStrategy reads a named strategy or <named>-without=<fix>[,<fix>...].
func ParseStrategy(name string) (Strategy, error) {
	base, without, err := catalog.ParseAblation("Atlantis", name, Fixes())
	i := slices.IndexFunc(Strategies(), func(s StrategyInfo) bool { return s.Name == base })
	if i < 0 {
		return Strategy{}, fmt.Errorf("unknown Atlantis strategy %q; valid: fail-fast, poll-retry, queue, blocking, or <strategy>-without=<fix>[,<fix>...]", name)
	}
	if err != nil {
		return Strategy{}, err
	}
	st := Strategies()[i].Strategy
	st.Name = name
	st.Fixes = st.Fixes.Without(without...)
	return st, nil
}
