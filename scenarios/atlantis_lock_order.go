package scenarios

import "github.com/drysim/drysim/systems/atlantis"

// atlantisLockOrder: "atlantis plan" runs the builder, which holds the
// pull's lock while it takes the workspace's (ADR step 5), while a second
// comment's project command takes the workspace's lock and then checks the
// pull's. Trying both (fail-fast, poll-retry) or waiting with a timeout
// (queue) cannot deadlock; blocking without a timeout in that order does,
// so blocking must take the pull's lock first.
func atlantisLockOrder() *Scenario {
	return &Scenario{
		Name:     "atlantis-lock-order",
		Doc:      "a plan-all builder and a project command wait for each other's pull and workspace locks",
		Source:   "ADR 0002 review (seed 000): \"it requires a TryLock to be called while TryLockPull is held\"; blocking locks: \"would be a lot more end user friendly if they were blocking locks\"",
		Race:     []string{InvNoDeadlock},
		Closing:  []string{atlantis.FixPullLockOrder.String()},
		Variants: []string{"blocking" + AblationSep + atlantis.FixPullLockOrder.String(), "queue" + AblationSep + atlantis.FixPullLockOrder.String()},
		Config: atlantisTimings(AtlantisWorkload{
			Projects: 4, Commands: 300, Pulls: 12, ProjectsPerPull: 3,
			PlanAll: 0.6, Echo: 0.8, Push: 0.3,
		}),
		Failpoints: []Failpoint{{atlantis.FPPullLockHeld, "return(100)"}},
		Recipe: Recipe{Failpoints: []Failpoint{{atlantis.FPPullLockHeld, `return("5s")`}},
			Doc: "five seconds between the builder taking the pull's lock and asking for the workspace's"},
	}
}
