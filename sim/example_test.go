package sim_test

import (
	"fmt"
	"time"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/simtest"
)

// lostUpdate is two tasks that each read a shared counter, reach a
// scheduling point, and write back the value they read plus one. Some
// interleavings lose an update.
func lostUpdate(w *sim.World) func() error {
	counter := 0
	for _, name := range []string{"a", "b"} {
		w.Go(name, func() {
			v := counter
			w.Yield() // between the read and the write another task may run
			counter = v + 1
		})
	}
	return func() error {
		if counter != 2 {
			return fmt.Errorf("lost update: counter is %d, want 2", counter)
		}
		return nil
	}
}

// Two tasks race on a counter: Find searches seeds until one loses an
// update, and replaying that run's decisions reproduces it step for step.
func Example() {
	found := simtest.Find(simtest.Options{Seeds: 100}, lostUpdate)
	fmt.Println("found:", found.Err)

	_, replayed := simtest.RunOnce(sim.Config{
		Seed:      found.Seed,
		Scheduler: sim.Replay{Decisions: found.Result.Decisions, Strict: true},
	}, lostUpdate)
	fmt.Println("same run:", replayed.Hash == found.Result.Hash)
	// Output:
	// found: lost update: counter is 1, want 2
	// same run: true
}

// A trace shows, per step, the virtual time, the task and what it did.
func ExampleTrace_Dump() {
	w := sim.New(sim.Config{Seed: 7, Trace: true})
	mu := w.NewMutex("jobs")
	w.Go("worker", func() {
		mu.Lock()
		w.Sleep(1500 * time.Millisecond) // virtual: the example runs instantly
		mu.Unlock()
	})
	res := w.Run()
	_ = res.Trace.Dump(writer{})
	// Output:
	//       1          +0s  worker#0             start
	//       2          +0s  worker#0             lock        jobs
	//       3          +0s  worker#0             sleep       1.5s
	//       4        +1.5s  worker#0             timer       deadline +1.5s
	//       5        +1.5s  worker#0             wake
	//       6        +1.5s  worker#0             unlock      jobs
	//       7        +1.5s  worker#0             exit
	// hash d220daa4dbdce2fc
}

type writer struct{}

func (writer) Write(p []byte) (int, error) { fmt.Print(string(p)); return len(p), nil }
