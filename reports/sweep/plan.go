package sweep

import (
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// ErrSweep is wrapped by every error about a sweep's configuration.
var ErrSweep = errors.New("bad sweep")

// MaxRuns bounds a plan: at a few thousand runs a second, more would take
// longer than anyone waits for one sweep.
const MaxRuns = 1 << 40

// Plan is the cross product a sweep runs: scenarios x strategies x worker
// counts x schedulers x seeds, in a fixed order, optionally one shard of it.
// Its runs are generated as they are taken (All), so a plan of any size
// costs no memory.
type Plan struct {
	Scenarios  []string
	Strategies []string
	Workers    []int
	Scheds     []sim.SchedulerSpec
	Seeds      int    // seeds per combination
	FirstSeed  uint64 // 0 means 1
	Shard      Shard
}

// Shard is the i-th of n slices of a plan (Index in 0..Count-1). The zero
// Shard is the whole plan.
type Shard struct{ Index, Count int }

func (s Shard) String() string {
	if s.Count <= 1 {
		return "all"
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// ParseShard reads "i/n".
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(i)
	count, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || count < 1 || index < 0 || index >= count {
		return Shard{}, fmt.Errorf("%w: shard %q: want i/n with 0 <= i < n, e.g. 0/4", ErrSweep, s)
	}
	return Shard{index, count}, nil
}

// Validate checks every axis, naming the valid choices.
func (p Plan) Validate() error {
	if len(p.Scenarios) > 0 && len(p.Strategies) > 0 {
		if _, err := p.pairs(); err != nil {
			return err
		}
	}
	for _, w := range p.Workers {
		if w < 1 || w > scenarios.MaxWorkers {
			return fmt.Errorf("%w: worker count %d: want 1 to %d", ErrSweep, w, scenarios.MaxWorkers)
		}
	}
	return p.validateSizes()
}

func (p Plan) validateSizes() error {
	first := max(p.FirstSeed, 1)
	switch {
	case len(p.Scenarios) == 0 || len(p.Strategies) == 0 || len(p.Workers) == 0 || len(p.Scheds) == 0:
		return fmt.Errorf("%w: every axis needs at least one value", ErrSweep)
	case p.Seeds < 1:
		return fmt.Errorf("%w: seeds %d: want 1 or more", ErrSweep, p.Seeds)
	case uint64(p.Seeds-1) > math.MaxUint64-first:
		return fmt.Errorf("%w: seeds %d from %d would pass the largest seed, %d", ErrSweep, p.Seeds, first, uint64(math.MaxUint64))
	case p.Shard.Count > 1 && (p.Shard.Index < 0 || p.Shard.Index >= p.Shard.Count):
		return fmt.Errorf("%w: shard %s out of range", ErrSweep, p.Shard)
	case p.total() > MaxRuns:
		return fmt.Errorf("%w: %.3g runs planned; the limit is %d (fewer seeds, or shards)", ErrSweep, p.total(), uint64(MaxRuns))
	}
	for name, dup := range map[string]bool{
		"scenario": hasDuplicates(p.Scenarios), "strategy": hasDuplicates(p.Strategies),
		"worker count": hasDuplicates(p.Workers), "scheduler": hasDuplicates(schedNames(p.Scheds)),
	} { //drysim:order-independent: at most one is reported, any will do
		if dup {
			return fmt.Errorf("%w: a %s is listed twice; each value runs once", ErrSweep, name)
		}
	}
	return nil
}

func schedNames(ss []sim.SchedulerSpec) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.String()
	}
	return out
}

func hasDuplicates[T comparable](xs []T) bool {
	seen := map[T]bool{}
	for _, x := range xs {
		if seen[x] {
			return true
		}
		seen[x] = true
	}
	return false
}

// total is the whole plan's run count, as a float so it cannot overflow.
func (p Plan) total() float64 {
	pairs, _ := p.pairs()
	return float64(len(pairs)) * float64(len(p.Workers)) * float64(len(p.Scheds)) * float64(p.Seeds)
}

// Len is how many runs the plan's shard holds.
func (p Plan) Len() int {
	total := int(p.total())
	if p.Shard.Count <= 1 {
		return total
	}
	n := total / p.Shard.Count
	if p.Shard.Index < total%p.Shard.Count {
		n++
	}
	return n
}

// All yields the runs of the plan's shard in plan order: scenario, then
// strategy (those of the scenario's system), worker count, scheduler and
// seed. Shard i of n is every n-th
// run starting at i, so shards are the same size give or take one and
// together cover the plan exactly once. Each run is made as it is taken.
func (p Plan) All() iter.Seq[scenarios.Identity] {
	step, start := 1, 0
	if p.Shard.Count > 1 {
		step, start = p.Shard.Count, p.Shard.Index
	}
	total := int(p.total())
	pairs, _ := p.pairs()
	return func(yield func(scenarios.Identity) bool) {
		for n := start; n < total; n += step {
			if !yield(p.at(pairs, n)) {
				return
			}
		}
	}
}

// at is the n-th run of the whole plan: n in mixed radix, seeds fastest,
// scenario and strategy pairs slowest.
func (p Plan) at(pairs []pair, n int) scenarios.Identity {
	seed := n % p.Seeds
	n /= p.Seeds
	sched := n % len(p.Scheds)
	n /= len(p.Scheds)
	workers := n % len(p.Workers)
	n /= len(p.Workers)
	return scenarios.Identity{
		Scenario: pairs[n].scenario, Strategy: pairs[n].strategy, Workers: p.Workers[workers],
		Sched: p.Scheds[sched], Seed: max(p.FirstSeed, 1) + uint64(seed),
	}
}

// ParseList reads a comma-separated list; "all" expands to all.
func ParseList(s string, all []string) []string {
	if s == "all" {
		return slices.Clone(all)
	}
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// ParseInts reads a comma-separated list of whole numbers.
func ParseInts(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil {
			return nil, fmt.Errorf("%w: %q is not a list of whole numbers, e.g. 8,16,32,64", ErrSweep, s)
		}
		out = append(out, n)
	}
	return out, nil
}

// ParseScheds reads a comma-separated list of schedulers; "all" is every
// nameable one with its default arguments.
func ParseScheds(s string) ([]sim.SchedulerSpec, error) {
	var out []sim.SchedulerSpec
	for _, name := range ParseList(s, sim.SchedulerNames()) {
		var spec sim.SchedulerSpec
		if err := spec.UnmarshalText([]byte(name)); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrSweep, err)
		}
		out = append(out, spec)
	}
	return out, nil
}

// Contains reports whether id is one of the runs of the plan's shard,
// without walking the plan: resuming a sweep of any size counts the runs
// its file already holds in the file's size, not the plan's.
func (p Plan) Contains(id scenarios.Identity) bool {
	n, ok := p.index(id.Normalized())
	if !ok {
		return false
	}
	return p.Shard.Count <= 1 || n%p.Shard.Count == p.Shard.Index
}

// index is id's position in the whole plan (the inverse of at).
func (p Plan) index(id scenarios.Identity) (int, bool) {
	if id.Leases != 0 || id.Clients != 0 || id.Limit != 0 || id.Poll != 0 || id.NoScenarioFailpoints || len(id.Failpoints) > 0 {
		return 0, false // plans have no overrides
	}
	first := max(p.FirstSeed, 1)
	sc, st, w := slices.Index(p.Scenarios, id.Scenario), slices.Index(p.Strategies, id.Strategy), slices.Index(p.Workers, id.Workers)
	k := slices.Index(schedNames(p.Scheds), id.Sched.String())
	if sc < 0 || st < 0 || w < 0 || k < 0 || id.Seed < first || id.Seed-first >= uint64(p.Seeds) {
		return 0, false
	}
	n := ((sc*len(p.Strategies)+st)*len(p.Workers)+w)*len(p.Scheds) + k
	return n*p.Seeds + int(id.Seed-first), true
}
