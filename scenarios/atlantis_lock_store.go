package scenarios

import "github.com/drysim/drysim/systems/atlantis"

// atlantisLockStore: many pull requests plan the same few projects at
// once. A lock store whose TryLock reads the key and sets it in a second
// call (Atlantis's Redis backend: GET, then SET) tells two pulls that
// both read it free that they own it; BoltDB's transaction gives it to one.
func atlantisLockStore() *Scenario {
	return &Scenario{
		Name:    "atlantis-lock-store",
		Doc:     "two pulls both read a project's lock free and both own it",
		Source:  "runatlantis/atlantis server/core/redis/redis.go TryLock (GET, then SET) against server/core/boltdb/boltdb.go (one Update); not in seed 000",
		Race:    []string{InvLockSingleOwner},
		Closing: []string{atlantis.FixAtomicLockStore.String()},
		Config: atlantisTimings(AtlantisWorkload{
			Projects: 3, Commands: 400, Pulls: 24, ProjectsPerPull: 2,
			PlanAll: 0.5, Echo: 0.2, Push: 0.2,
		}),
		Failpoints: []Failpoint{{atlantis.FPBetweenGetAndSet, "return(20)"}},
		Recipe: Recipe{Failpoints: []Failpoint{{atlantis.FPBetweenGetAndSet, `return("2s")`}},
			Doc: "two seconds between the GET that finds the key free and the SET"},
	}
}
