package scenarios

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
)

// The catalogue is consistent, system by system: every fix closes some
// scenario of its system, every scenario has a recipe and declares what
// closes it, every invariant has a check and every name a scenario lists
// (invariants, fixes, failpoints, variants) is one of its system's. No
// strategy or scenario name is used by two systems.
func TestCatalogue(t *testing.T) {
	require.Empty(t, catalogueProblems(All(), allocator.Fixes(), Invariants()))
	for _, sys := range Systems() {
		require.Empty(t, systemProblems(sys, sys.Scenarios()), sys.Name)
	}
	require.Empty(t, nameClashes(Systems()))
}

func catalogueProblems(all []*Scenario, fixes []allocator.FixInfo, invs []Invariant) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	for _, f := range fixes {
		closes := false
		for _, s := range all {
			closes = closes || s.Closes(f.Fix)
		}
		if !closes {
			bad("fix %s closes no scenario: name it in the ClosedBy of the scenario whose race it closes", f.Name)
		}
	}
	for _, inv := range invs {
		if inv.onAudit == nil && inv.atCommit == nil && inv.onResource == nil && inv.onLease == nil && inv.atQuiescence == nil && inv.atDeadline == nil {
			bad("invariant %s is used nowhere: it has no check", inv.Name)
		}
	}
	for _, s := range all {
		problems = append(problems, scenarioProblems(s)...)
	}
	return problems
}

// systemProblems: every fix of the system closes one of its scenarios.
func systemProblems(sys *System, scenarios []*Scenario) []string {
	var problems []string
	for _, f := range sys.Fixes {
		if !slices.ContainsFunc(scenarios, func(s *Scenario) bool { return slices.Contains(s.ClosingFixes(), f.Name) }) {
			problems = append(problems, fmt.Sprintf("%s fix %s closes no scenario: name it in the Closing of the scenario whose race it closes", sys.Name, f.Name))
		}
	}
	if _, err := sys.ParseStrategy(sys.Reference); err != nil {
		problems = append(problems, fmt.Sprintf("%s's reference strategy: %v", sys.Name, err))
	}
	return problems
}

func scenarioProblems(s *Scenario) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	sys := s.System()
	if len(s.Recipe.Failpoints) == 0 || s.Recipe.Doc == "" {
		bad("scenario %s has no recipe", s.Name)
	}
	if len(s.ClosingFixes()) == 0 {
		bad("scenario %s names no fix that closes it", s.Name)
	}
	if len(s.Race) == 0 {
		bad("scenario %s names no race invariant", s.Name)
	}
	for _, inv := range s.Race {
		if _, ok := sys.invariant(inv); !ok {
			bad("scenario %s names unknown invariant %q", s.Name, inv)
		}
	}
	for _, f := range s.ClosingFixes() {
		if !slices.Contains(sys.FixNames(), f) {
			bad("scenario %s is closed by %q, not a %s fix", s.Name, f, sys.Name)
		}
	}
	for _, fp := range append(slices.Clone(s.Failpoints), s.Recipe.Failpoints...) {
		if !slices.Contains(sys.FailpointNames(), fp.Name) {
			bad("scenario %s enables %s, not a %s failpoint", s.Name, fp.Name, sys.Name)
		}
	}
	for _, v := range s.Variants {
		if _, err := sys.ParseStrategy(v); err != nil {
			bad("scenario %s: variant: %v", s.Name, err)
		}
	}
	for _, f := range s.Recipe.NotFor {
		if !s.Closes(f) || s.Recipe.Why == "" {
			bad("scenario %s: recipe exempts %s, which must close it and come with a reason", s.Name, f)
		}
	}
	return problems
}

// nameClashes: a strategy, fix-free name or scenario name that two systems
// both use would make a record or a flag ambiguous.
func nameClashes(systems []*System) []string {
	var problems []string
	owner := map[string]string{}
	for _, sys := range systems {
		names := sys.StrategyNames()
		for _, s := range sys.Scenarios() {
			names = append(names, s.Name)
		}
		for _, n := range names {
			if o, ok := owner[n]; ok && o != sys.Name {
				problems = append(problems, fmt.Sprintf("%q is both %s's and %s's", n, o, sys.Name))
			}
			owner[n] = sys.Name
		}
	}
	return problems
}

// The catalogue test catches what it claims to: a fix that closes no
// scenario, a scenario without a recipe, an invariant without a check, a
// scenario naming another system's invariant or fix, a name two systems
// share.
func TestCatalogueCatchesGaps(t *testing.T) {
	fixes := append(allocator.Fixes(), allocator.FixInfo{Name: "new-fix", Fix: allocator.Fix(200)})
	noRecipe := reclaimRace()
	noRecipe.Recipe = Recipe{}
	invs := append(Invariants(), Invariant{Name: "unchecked"})
	problems := catalogueProblems(append(All(), noRecipe), fixes, invs)
	require.Contains(t, problems, "fix new-fix closes no scenario: name it in the ClosedBy of the scenario whose race it closes")
	require.Contains(t, problems, "scenario reclaim-race has no recipe")
	require.Contains(t, problems, "invariant unchecked is used nowhere: it has no check")

	mixed := layersABBA()
	mixed.system = layerStoreSystem()
	mixed.Race = []string{InvDirExclusive}
	mixed.Closing = []string{"lock-covers-fix"}
	problems = scenarioProblems(mixed)
	require.Contains(t, problems, `scenario layers-abba names unknown invariant "dir-exclusive"`)
	require.Contains(t, problems, `scenario layers-abba is closed by "lock-covers-fix", not a layerstore fix`)

	sys := atlantisSystem()
	require.Contains(t, systemProblems(sys, sys.Scenarios()[:1]), "atlantis fix atomic-lock-store closes no scenario: name it in the Closing of the scenario whose race it closes")
	clash := layerStoreSystem()
	clash.Strategies = append(clash.Strategies, StrategyInfo{Name: "slot"})
	require.Contains(t, nameClashes([]*System{drydock(), clash}), `"slot" is both drydock's and layerstore's`)
}
