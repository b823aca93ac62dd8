package atlantis_test

import (
	"fmt"
	"time"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/atlantis"
	"github.com/drysim/drysim/systems/simrt"
)

// Two plans of one pull's projects at once, under today's fail-fast
// working-dir locker and under a queue with a timeout: the first rejects
// the command that finds the workspace busy, the second makes it wait.
func Example() {
	for _, strategy := range []string{"fail-fast", "queue"} {
		w := sim.New(sim.Config{Seed: 1})
		st, _ := atlantis.ParseStrategy(strategy)
		srv, _ := atlantis.New(simrt.New(w), atlantis.Config{Strategy: st, Projects: 2, LockTimeout: time.Minute,
			Took: func(string) time.Duration { return 10 * time.Second }})
		num, _ := srv.OpenPull([]int{0, 1})
		for project := range 2 {
			w.Go("plan", func() {
				w.Sleep(time.Duration(project) * time.Second)
				r, _ := srv.Plan("plan", num, project)
				fmt.Printf("%s: plan of project %d %s at +%v\n", strategy, project, r.Outcome, w.Elapsed())
			})
		}
		w.Run()
	}
	// Output:
	// fail-fast: plan of project 1 rejected at +1s
	// fail-fast: plan of project 0 succeeded at +20s
	// queue: plan of project 0 succeeded at +20s
	// queue: plan of project 1 succeeded at +30s
}
