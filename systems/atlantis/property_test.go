package atlantis_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/drysim/drysim/systems/atlantis"
)

// With every fix, whatever pulls do and in whatever order: no two commands
// work in one directory at once, no project lock has two owners, every
// apply applies its pull's fresh plan, no command fails on a corrupt
// directory, and nothing deadlocks. rapid draws the commands and shrinks a
// failure to the fewest.
func TestRapidEveryFixHolds(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		strategy := rapid.SampledFrom([]string{"fail-fast", "poll-retry", "queue", "blocking"}).Draw(rt, "strategy")
		projects := rapid.IntRange(1, 3).Draw(rt, "projects")
		wd := newSeededWorld(t, strategy, rapid.Uint64().Draw(rt, "seed"), projects)
		for i := range rapid.IntRange(1, 3).Draw(rt, "pulls") {
			mine := rapid.SliceOfNDistinct(rapid.IntRange(0, projects-1), 1, projects, rapid.ID[int]).Draw(rt, fmt.Sprintf("projects%d", i))
			num := wd.openPull(t, mine...)
			for j := range rapid.IntRange(1, 2).Draw(rt, fmt.Sprintf("commenters%d", i)) {
				cmds := rapid.SliceOfN(rapid.IntRange(0, 4), 1, 5).Draw(rt, fmt.Sprintf("cmds%d.%d", i, j))
				actor := fmt.Sprintf("pull-%d/%d", num, j)
				wd.w.Go(actor, func() { runCommands(wd, actor, num, mine, cmds) })
			}
		}
		res := wd.w.Run()
		require.NoError(rt, res.Err())
		require.Empty(rt, violations(wd.events))
	})
}

// runCommands: 0 plan-all, 1 plan a project, 2 apply a project, 3 push,
// 4 unlock.
func runCommands(wd *world, actor string, num int, projects, cmds []int) {
	for i, c := range cmds {
		project := projects[i%len(projects)]
		switch c {
		case 0:
			if r, _ := wd.srv.BuildAll(actor, num); r.Outcome == atlantis.Succeeded {
				for _, p := range projects {
					_, _ = wd.srv.Plan(actor, num, p)
				}
			}
		case 1:
			_, _ = wd.srv.Plan(actor, num, project)
		case 2:
			_, _ = wd.srv.Apply(actor, num, project)
		case 3:
			_ = wd.srv.Push(num)
		case 4:
			_, _ = wd.srv.Unlock(actor, num)
		}
	}
}

// violations checks the events the way the scenario checker does.
func violations(events []atlantis.Event) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	inside := map[string]int{}
	owners := map[int]map[int]bool{}
	for _, e := range events {
		switch e.Kind {
		case atlantis.EvDirEnter:
			if inside[e.Dir]++; inside[e.Dir] > 1 {
				bad("%s enters %s while another command works in it", e.Actor, e.Dir)
			}
		case atlantis.EvDirExit:
			inside[e.Dir]--
		case atlantis.EvLockGranted:
			if owners[e.Project] == nil {
				owners[e.Project] = map[int]bool{}
			}
			owners[e.Project][e.Pull] = true
			if len(owners[e.Project]) > 1 {
				bad("project %d has owners %v", e.Project, owners[e.Project])
			}
		case atlantis.EvLockReleased:
			delete(owners[e.Project], e.Pull)
		case atlantis.EvApplied:
			if e.Plan.Pull != e.Pull || e.Plan.Serial != e.Serial || e.Plan.Base < e.LastMerge {
				bad("%s applies %+v to state %d, last merge %d", e.Actor, e.Plan, e.Serial, e.LastMerge)
			}
		case atlantis.EvResult:
			if e.Result.Outcome == atlantis.Failed {
				bad("%s failed: %s", e.Actor, e.Result.Reason)
			}
		}
	}
	return out
}
