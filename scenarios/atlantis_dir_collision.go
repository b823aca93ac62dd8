package scenarios

import "github.com/drysim/drysim/systems/atlantis"

// atlantisDirCollision: pull requests push commits and comment "plan -p"
// for each project at once, sometimes twice; every project of a pull
// shares the pull's working directory. A command that finds the directory
// out of date clones and merges into it. With the lock around the check
// only, two commands that both found it stale clone into it at once and a
// plan fails on the corrupt result; fail-fast rejects the second command,
// a queue or polling makes it wait. The report compares the lock policies
// on this scenario.
func atlantisDirCollision() *Scenario {
	return &Scenario{
		Name:    "atlantis-dir-collision",
		Doc:     "two commands of one pull both find its directory stale and clone into it at once",
		Source:  "ADR 0002 review (seed 000): \"The lock for git operations should cover the 'lifetime' of the git operation and the tests performed to see if they are necessary\"",
		Race:    []string{InvDirExclusive, InvClearRejection},
		Closing: []string{atlantis.FixLockCoversFix.String()},
		Config: atlantisTimings(AtlantisWorkload{
			Projects: 48, Commands: 600, Pulls: 24, ProjectsPerPull: 3,
			PlanAll: 0.3, Echo: 0.3, Push: 0.6,
		}),
		Recipe: Recipe{Failpoints: []Failpoint{{atlantis.FPAfterCheck, `return("10s")`}},
			Doc: "ten seconds between finding the directory stale and the clone that fixes it"},
		Policies: true,
	}
}
