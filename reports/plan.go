package reports

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// ErrSweep is wrapped by every error about a sweep's configuration.
var ErrSweep = errors.New("bad sweep")

// Plan is the cross product a sweep runs: scenarios x strategies x worker
// counts x schedulers x seeds, in a fixed order, optionally one shard of it.
type Plan struct {
	Scenarios  []string
	Strategies []string
	Workers    []int
	Scheds     []string
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
	for _, s := range p.Scenarios {
		if _, err := scenarios.ByName(s); err != nil {
			return fmt.Errorf("%w: %w", ErrSweep, err)
		}
	}
	for _, s := range p.Strategies {
		if _, err := allocator.ParseStrategy(s); err != nil {
			return fmt.Errorf("%w: %w", ErrSweep, err)
		}
	}
	for _, s := range p.Scheds {
		if _, err := sim.ParseStrategy(s); err != nil {
			return fmt.Errorf("%w: %w", ErrSweep, err)
		}
	}
	for _, w := range p.Workers {
		if w < 1 {
			return fmt.Errorf("%w: worker count %d: want 1 or more", ErrSweep, w)
		}
	}
	switch {
	case len(p.Scenarios) == 0 || len(p.Strategies) == 0 || len(p.Workers) == 0 || len(p.Scheds) == 0:
		return fmt.Errorf("%w: every axis needs at least one value", ErrSweep)
	case p.Seeds < 1:
		return fmt.Errorf("%w: seeds %d: want 1 or more", ErrSweep, p.Seeds)
	case p.Shard.Count > 1 && (p.Shard.Index < 0 || p.Shard.Index >= p.Shard.Count):
		return fmt.Errorf("%w: shard %s out of range", ErrSweep, p.Shard)
	}
	return nil
}

// Keys lists the runs of the plan's shard in plan order. Shard i of n is
// every n-th run starting at i, so shards are the same size give or take
// one and together cover the plan exactly once.
func (p Plan) Keys() []Key {
	first := max(p.FirstSeed, 1)
	var keys []Key
	n := 0
	for _, sc := range p.Scenarios {
		for _, st := range p.Strategies {
			for _, w := range p.Workers {
				for _, sched := range p.Scheds {
					for i := range p.Seeds {
						if p.Shard.Count <= 1 || n%p.Shard.Count == p.Shard.Index {
							keys = append(keys, Key{sc, st, w, sched, first + uint64(i)})
						}
						n++
					}
				}
			}
		}
	}
	return keys
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
