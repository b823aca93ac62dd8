package scenarios

import "github.com/drysim/drysim/systems/atlantis"

// atlantisStalePlan: pull requests share a few projects. A pull rejected
// on a project another pull holds comments again once that pull has
// applied and merged; its directory is still at its own head commit, so
// without verifying again that it is up to date it plans on the old merge
// and its apply undoes the other pull's change. With the project lock held
// only per command, another pull can plan and apply between a pull's plan
// and its apply.
func atlantisStalePlan() *Scenario {
	return &Scenario{
		Name:    "atlantis-stale-plan",
		Doc:     "an apply applies a plan made before someone else's apply of the same project",
		Source:  "ADR 0002 review (seed 000): \"before the steps, you will at least have to verify (again!) that you are still up to date\"",
		Race:    []string{InvApplyFreshPlan},
		Closing: []string{atlantis.FixRevalidateBeforePlan.String(), atlantis.FixLockSpansPlanApply.String()},
		Config: atlantisTimings(AtlantisWorkload{
			Projects: 6, Commands: 400, Pulls: 12, ProjectsPerPull: 2,
			PlanAll: 0.5, Push: 0.2,
		}),
		Recipe: Recipe{Failpoints: []Failpoint{{atlantis.FPBeforeProjectLock, `return("10m")`}},
			Doc: "ten minutes before a project command asks for its lock, while its pull's checkout ages and other pulls apply and merge"},
	}
}
