package harness_test

import (
	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/scenarios"
)

// testStrategies are the strategies tests and benchmarks run a scenario
// under: Drydock's baseline and reference (naive, slot), or another
// system's reference and the first strategy expected to reproduce the
// race.
func testStrategies(s *scenarios.Scenario) []string {
	sys := s.System()
	if sys.Name == "drydock" {
		return []string{"naive", "slot"}
	}
	return []string{sys.Reference, racyStrategy(s)}
}

// racyStrategy is the strategy whose story a scenario's race is told
// under: the system's baseline (Drydock's naive), or the first strategy
// expected to reproduce it.
func racyStrategy(s *scenarios.Scenario) string {
	for _, st := range s.System().Strategies {
		if st.Role == allocator.RoleBaseline {
			return st.Name
		}
	}
	for _, e := range s.Expectations() {
		if e.Reproduces {
			return e.Strategy
		}
	}
	return ""
}

// isBaseline reports whether strategy is its system's baseline (none of
// the fixes).
func isBaseline(s *scenarios.Scenario, strategy string) bool {
	for _, st := range s.System().Strategies {
		if st.Name == strategy {
			return st.Role == allocator.RoleBaseline
		}
	}
	return false
}
