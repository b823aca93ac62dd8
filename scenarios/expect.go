package scenarios

import (
	"fmt"

	"github.com/drysim/drysim/allocator"
)

// Seeds an expectation runs.
const (
	// HoldSeeds: a strategy that closes a race must break no invariant over
	// this many seeds.
	HoldSeeds = 200
	// ReproduceSeeds: a strategy that lacks a fix closing the race must
	// break one of the race's invariants within this many seeds.
	ReproduceSeeds = 100
)

// Expectation is what one strategy must do on a scenario.
type Expectation struct {
	Strategy string
	// Reproduces: some seed within Seeds must violate a Race invariant.
	// Otherwise the strategy must hold (no violation at all) over Seeds.
	Reproduces bool
	Seeds      int
}

func (e Expectation) String() string {
	if e.Reproduces {
		return fmt.Sprintf("reproduces within %d", e.Seeds)
	}
	return fmt.Sprintf("holds over %d", e.Seeds)
}

// Strategies lists the locking strategies, in the order help texts,
// sweeps and reports show them.
func Strategies() []allocator.StrategyInfo { return allocator.Strategies() }

// StrategyNames lists every named strategy, then every single-fix ablation
// of the reference strategy.
func StrategyNames() []string {
	names := allocator.StrategyNames()
	for _, f := range allocator.AllFixes() {
		names = append(names, allocator.Ablation(f).Name)
	}
	return names
}

// Expectations lists what every named strategy, and the reference strategy
// without each fix that closes the race, must do: reproduce the race if
// the strategy lacks one of ClosedBy, hold otherwise.
func (s *Scenario) Expectations() []Expectation {
	var out []Expectation
	for _, info := range Strategies() {
		out = append(out, s.expect(info.Strategy()))
	}
	for _, f := range s.ClosedBy {
		out = append(out, s.expect(allocator.Ablation(f)))
	}
	return out
}

// Expectation is what a strategy (any that ParseStrategy reads) must do on
// the scenario.
func (s *Scenario) Expectation(strategy string) (Expectation, error) {
	st, err := allocator.ParseStrategy(strategy)
	if err != nil {
		return Expectation{}, err
	}
	return s.expect(st), nil
}

func (s *Scenario) expect(st allocator.Strategy) Expectation {
	for _, f := range s.ClosedBy {
		if !st.Closes(f) {
			return Expectation{Strategy: st.Name, Reproduces: true, Seeds: ReproduceSeeds}
		}
	}
	return Expectation{Strategy: st.Name, Seeds: HoldSeeds}
}
