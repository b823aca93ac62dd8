package sweep

import (
	"slices"
)

// Filter keeps the records of the runs a sweep planned, so that a report
// on a results file that also holds an earlier, larger sweep shows only
// what was asked for. An empty axis keeps every value; Seeds 0 keeps
// every seed from FirstSeed on.
type Filter struct {
	Scenarios, Strategies, Scheds []string
	Workers                       []int
	Seeds                         int
	FirstSeed                     uint64 // 0 means 1
}

// Keep reports whether r is one of the filter's runs.
func (f Filter) Keep(r Record) bool {
	first := max(f.FirstSeed, 1)
	switch {
	case len(f.Scenarios) > 0 && !slices.Contains(f.Scenarios, r.Scenario),
		len(f.Strategies) > 0 && !slices.Contains(f.Strategies, r.Strategy),
		len(f.Scheds) > 0 && !slices.Contains(f.Scheds, r.Sched),
		len(f.Workers) > 0 && !slices.Contains(f.Workers, r.Workers),
		r.Seed < first,
		f.Seeds > 0 && r.Seed-first >= uint64(f.Seeds):
		return false
	}
	return true
}

// IsZero reports whether the filter keeps every record.
func (f Filter) IsZero() bool {
	return len(f.Scenarios) == 0 && len(f.Strategies) == 0 && len(f.Scheds) == 0 && len(f.Workers) == 0 && f.Seeds == 0 && f.FirstSeed <= 1
}
