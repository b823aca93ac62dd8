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

// Strategies lists Drydock's locking strategies (the allocator's), in the
// order help texts, sweeps and reports show them; System.Strategies has
// every system's.
func Strategies() []allocator.StrategyInfo { return allocator.Strategies() }

// StrategyNames lists every system's named strategies, each followed by
// every single-fix ablation of that system's reference strategy.
func StrategyNames() []string {
	var names []string
	for _, sys := range Systems() {
		names = append(names, sys.NamedStrategies()...)
	}
	return names
}

// Expectations lists what every named strategy of the scenario's system,
// the reference strategy without each fix that closes the race, and each
// of the scenario's Variants must do: reproduce the race if the strategy
// does not close one of the closing fixes, hold otherwise.
func (s *Scenario) Expectations() []Expectation {
	sys := s.System()
	names := sys.StrategyNames()
	for _, f := range s.ClosingFixes() {
		names = append(names, sys.Ablation(f))
	}
	var out []Expectation
	for _, name := range append(names, s.Variants...) {
		e, err := s.Expectation(name)
		if err != nil {
			panic(fmt.Sprintf("scenario %s: %v", s.Name, err)) // the catalogue test keeps every name valid
		}
		out = append(out, e)
	}
	return out
}

// Expectation is what a strategy (any that the system's ParseStrategy
// reads) must do on the scenario.
func (s *Scenario) Expectation(strategy string) (Expectation, error) {
	st, err := s.System().ParseStrategy(strategy)
	if err != nil {
		return Expectation{}, err
	}
	for _, f := range s.ClosingFixes() {
		if !st.Closes(f) {
			return Expectation{Strategy: st.Name, Reproduces: true, Seeds: ReproduceSeeds}, nil
		}
	}
	return Expectation{Strategy: st.Name, Seeds: HoldSeeds}, nil
}
