package verify_test

import (
	"fmt"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/verify"
)

// A lost update: two tasks read a counter, yield, and write it back. Every
// schedule with at most one preemption is explored; the first that loses
// an update ends the search. With the read and the write under one lock,
// the same search is complete and holds.
func ExampleExplore() {
	for _, locked := range []bool{false, true} {
		res, err := verify.Explore(verify.Config{Preemptions: 1, Reduction: true}, func(g sim.Guide) (bool, error) {
			w := sim.New(sim.Config{Seed: 1, Scheduler: g})
			mu := w.NewMutex("counter")
			n := 0
			for _, name := range []string{"a", "b"} {
				w.Go(name, func() {
					if locked {
						mu.Lock()
						defer mu.Unlock()
					}
					v := n
					w.Yield()
					n = v + 1
				})
			}
			w.Run()
			return n != 2, nil
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("locked=%v: failed=%v complete=%v\n", locked, res.Failed, res.Complete)
	}
	// Output:
	// locked=false: failed=true complete=false
	// locked=true: failed=false complete=true
}
