package scenarios

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
)

// The catalogue is consistent: every fix closes some scenario, every
// scenario has a recipe and declares what closes it, every invariant has a
// check and every name a scenario lists is an invariant.
func TestCatalogue(t *testing.T) {
	require.Empty(t, catalogueProblems(All(), allocator.Fixes(), Invariants()))
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
	known := map[string]bool{}
	for _, inv := range invs {
		known[inv.Name] = true
		if inv.onAudit == nil && inv.atCommit == nil && inv.onResource == nil && inv.onLease == nil && inv.atQuiescence == nil && inv.atDeadline == nil {
			bad("invariant %s is used nowhere: it has no check", inv.Name)
		}
	}
	for _, s := range all {
		problems = append(problems, scenarioProblems(s, known)...)
	}
	return problems
}

func scenarioProblems(s *Scenario, known map[string]bool) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if len(s.Recipe.Failpoints) == 0 || s.Recipe.Doc == "" {
		bad("scenario %s has no recipe", s.Name)
	}
	if len(s.ClosedBy) == 0 {
		bad("scenario %s names no fix that closes it", s.Name)
	}
	if len(s.Race) == 0 {
		bad("scenario %s names no race invariant", s.Name)
	}
	for _, inv := range s.Race {
		if !known[inv] {
			bad("scenario %s names unknown invariant %q", s.Name, inv)
		}
	}
	for _, f := range s.Recipe.NotFor {
		if !s.Closes(f) || s.Recipe.Why == "" {
			bad("scenario %s: recipe exempts %s, which must close it and come with a reason", s.Name, f)
		}
	}
	return problems
}

// The catalogue test catches what it claims to: a fix that closes no
// scenario, a scenario without a recipe, an invariant without a check.
func TestCatalogueCatchesGaps(t *testing.T) {
	fixes := append(allocator.Fixes(), allocator.FixInfo{Name: "new-fix", Fix: allocator.Fix(200)})
	noRecipe := reclaimRace()
	noRecipe.Recipe = Recipe{}
	invs := append(Invariants(), Invariant{Name: "unchecked"})
	problems := catalogueProblems(append(All(), noRecipe), fixes, invs)
	require.Contains(t, problems, "fix new-fix closes no scenario: name it in the ClosedBy of the scenario whose race it closes")
	require.Contains(t, problems, "scenario reclaim-race has no recipe")
	require.Contains(t, problems, "invariant unchecked is used nowhere: it has no check")
}
