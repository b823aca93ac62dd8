package simtest_test

import (
	"fmt"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/simtest"
)

// Searches run one after another can share a pool; each records decisions
// only for the seed it fails on.
func ExampleOptions_pool() {
	pool := sim.NewPool()
	defer pool.Close()
	for _, s := range []sim.Scheduler{sim.Random{}, sim.Swarm{}} {
		f := simtest.Find(simtest.Options{Seeds: 100, Scheduler: s, Pool: pool}, lostUpdate)
		fmt.Printf("%s: seed %d, %d decisions recorded\n", f.Scheduler, f.Seed, len(f.Result.Decisions))
	}
	// Output:
	// random: seed 2, 3 decisions recorded
	// swarm: seed 1, 3 decisions recorded
}
