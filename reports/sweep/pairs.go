package sweep

import (
	"fmt"
	"slices"
	"strings"

	"github.com/drysim/drysim/scenarios"
)

// pair is a scenario and one of the plan's strategies that its system
// reads: a sweep of several systems crosses each scenario with its own
// system's strategies only.
type pair struct{ scenario, strategy string }

// pairs lists the plan's scenario and strategy pairs in plan order
// (scenario, then strategy). A strategy that no listed scenario's system
// reads, or a scenario left with no strategy, is an error naming what
// would be valid.
func (p Plan) pairs() ([]pair, error) {
	why := make([][]string, len(p.Strategies)) // why a strategy fits no scenario, one reason per system
	fits := make([]bool, len(p.Strategies))
	var out []pair
	var bare []*scenarios.Scenario // scenarios with no strategy
	for _, name := range p.Scenarios {
		s, err := scenarios.ByName(name)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrSweep, err)
		}
		n := 0
		for i, st := range p.Strategies {
			if _, err := s.Expectation(st); err != nil {
				if !slices.Contains(why[i], err.Error()) {
					why[i] = append(why[i], err.Error())
				}
				continue
			}
			fits[i] = true
			n++
			out = append(out, pair{name, st})
		}
		if n == 0 {
			bare = append(bare, s)
		}
	}
	for i, ok := range fits {
		if !ok {
			return nil, fmt.Errorf("%w: %s", ErrSweep, strings.Join(why[i], "; and "))
		}
	}
	if len(bare) > 0 {
		sys := bare[0].System()
		return nil, fmt.Errorf("%w: scenario %s (%s) has none of the strategies %s; its system's are %s",
			ErrSweep, bare[0].Name, sys.Name, strings.Join(p.Strategies, ", "), strings.Join(sys.StrategyNames(), ", "))
	}
	return out, nil
}

// ParseStrategies reads a sweep's strategy list for the scenarios listed:
// "named" is every named strategy of their systems, "all" those and each
// system's reference without each fix; anything else is a comma-separated
// list, taken as given.
func ParseStrategies(s string, scenarioNames []string) []string {
	if s != "named" && s != "all" {
		return ParseList(s, nil)
	}
	var out []string
	for _, sys := range scenarios.Systems() {
		if !slices.ContainsFunc(scenarioNames, func(name string) bool {
			sc, err := scenarios.ByName(name)
			return err == nil && sc.System().Name == sys.Name
		}) {
			continue
		}
		out = append(out, sys.StrategyNames()...)
		if s == "all" {
			for _, f := range sys.FixNames() {
				out = append(out, sys.Ablation(f))
			}
		}
	}
	return out
}
