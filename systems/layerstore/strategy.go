package layerstore

import (
	"fmt"
	"slices"

	"github.com/drysim/drysim/systems/catalog"
)

// Policy decides who goes first when readers and writers compete for a
// lock (the simulator's sim.RWPolicy, named here so the model imports no
// simulator).
type Policy uint8

const (
	// GoRW is Go's sync.RWMutex: a writer that waits blocks new readers;
	// when a writer unlocks, the readers that waited go first.
	GoRW Policy = iota
	// ReaderPreferring admits a reader whenever no writer holds the lock.
	ReaderPreferring
	// WriterPreferring blocks new readers while a writer waits and hands
	// the lock to waiting writers first.
	WriterPreferring
)

func (p Policy) String() string {
	switch p {
	case GoRW:
		return "go"
	case ReaderPreferring:
		return "reader-preferring"
	case WriterPreferring:
		return "writer-preferring"
	}
	return fmt.Sprintf("Policy(%d)", uint8(p))
}

// Fix is one of the layer store's fixes; a strategy drops one to show the
// race it closes.
type Fix uint8

const (
	// FixWritersBlockReaders: a writer that waits blocks readers that come
	// after it, so a stream of readers cannot starve it.
	FixWritersBlockReaders Fix = iota
	// FixModifiedSincePerStore: each layer store remembers the lockfile
	// generation it loaded and reloads when the file's differs.
	FixModifiedSincePerStore
	// FixFixupUnderWriteLock: a load that finds something to repair
	// repairs it under the write lock, after checking again.
	FixFixupUnderWriteLock
	// FixGlobalLockOrder: an operation on two layers locks them in one
	// global order (by layer number).
	FixGlobalLockOrder
	numFixes
)

// FixInfo documents a fix: what it does, where it comes from and what the
// code did before.
type FixInfo = catalog.FixInfo[Fix]

// Fixes documents every fix, in order.
func Fixes() []FixInfo {
	return []FixInfo{
		{Fix: FixWritersBlockReaders, Name: "writers-block-new-readers",
			Doc:    "a waiting writer blocks readers that ask after it (Go's sync.RWMutex, a writer-preferring lock)",
			Credit: "Go's sync.RWMutex; the risk is raised in containers/storage#473 (seed 003)", Hypothetical: true,
			PreFix: "a reader-preferring lock: readers enter whenever no writer holds it, and \"writers would get frozen out if a continuous stream of readers come in\" (rhatdan, #473); which policy c/storage's file locks have is not in the seed"},
		{Fix: FixModifiedSincePerStore, Name: "modified-since-per-store",
			Doc:    "each layer store keeps the lockfile generation it loaded and reloads when the file's differs (c/storage's later lockfile.ModifiedSince)",
			Credit: "containers/storage#473 review (seed 003); the lockfile's LastWrite/ModifiedSince rework",
			PreFix: "the read-only and read-write layer stores of one process share the lockfile object, whose Modified() compares with the last write the process made: after the read-write store's Touch it is false, and the read-only store reads its cache (mtrmac's review of #473)"},
		{Fix: FixFixupUnderWriteLock, Name: "fixup-under-write-lock",
			Doc:    "a load that finds an incomplete layer drops the read lock, takes the write lock, checks again and only then repairs",
			Credit: "containers/storage#473 review (seed 003): \"the current consistency fix-ups that write data on load\"",
			PreFix: "a read-write layer store loaded under a read lock deletes incomplete layers and saves on the spot: readers that write"},
		{Fix: FixGlobalLockOrder, Name: "global-lock-order",
			Doc:    "an operation on two layers locks the lower-numbered layer first",
			Credit: "hypothetical: per-layer locks were proposed (#421), not built", Hypothetical: true,
			PreFix: "each operation locks its two layers in the order it names them; \"a per-layer lock, for instance, is subject to ABBA dead locks\" (vrothberg, #473)"},
	}
}

// Info documents the fix.
func (f Fix) Info() FixInfo { return catalog.Info(Fixes(), f) }

func (f Fix) String() string { return f.Info().Name }

// ParseFix reads a fix name.
func ParseFix(name string) (Fix, error) { return catalog.ParseFix("layer-store", Fixes(), name) }

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

// LockPolicy is the policy the store's locks get: without
// writers-block-new-readers, readers are preferred whatever the policy.
func (s Strategy) LockPolicy() Policy {
	if !s.Has(FixWritersBlockReaders) {
		return ReaderPreferring
	}
	return s.Policy
}

// StrategyInfo documents a named strategy.
type StrategyInfo struct {
	Strategy
	Doc          string
	Reference    bool // the strategy ablations start from
	Hypothetical bool
}

// Strategies are the named strategies: one per lock policy, every fix
// the policy allows.
func Strategies() []StrategyInfo {
	return []StrategyInfo{
		{Strategy: Strategy{Name: "go", Policy: GoRW, Fixes: AllFixes}, Reference: true,
			Doc: "Go's sync.RWMutex (containers/storage's in-process lock) and every fix"},
		{Strategy: Strategy{Name: "writer-preferring", Policy: WriterPreferring, Fixes: AllFixes},
			Doc: "a writer-preferring lock: waiting writers go before waiting readers; every fix"},
		{Strategy: Strategy{Name: "reader-preferring", Policy: ReaderPreferring, Fixes: AllFixes.Without(FixWritersBlockReaders)}, Hypothetical: true,
			Doc: "a reader-preferring lock: readers pass a waiting writer (writer starvation); every other fix"},
	}
}

// ParseStrategy reads a named strategy or <named>-without=<fix>[,<fix>...].
func ParseStrategy(name string) (Strategy, error) {
	base, without, err := catalog.ParseAblation("layer-store", name, Fixes())
	i := slices.IndexFunc(Strategies(), func(s StrategyInfo) bool { return s.Name == base })
	if i < 0 {
		return Strategy{}, fmt.Errorf("unknown layer-store strategy %q; valid: go, writer-preferring, reader-preferring, or <strategy>-without=<fix>[,<fix>...]", name)
	}
	if err != nil {
		return Strategy{}, err
	}
	st := Strategies()[i].Strategy
	st.Name = name
	st.Fixes = st.Fixes.Without(without...)
	return st, nil
}
