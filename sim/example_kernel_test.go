package sim_test

import (
	"fmt"
	"time"

	"github.com/drysim/drysim/sim"
)

// A mutex may be unlocked by a task that did not lock it, as in Go, so a
// task waiting for a lock it holds itself is not a deadlock while another
// task can still unlock it.
func ExampleMutex_foreignUnlock() {
	w := sim.New(sim.Config{Seed: 1})
	baton := w.NewMutex("baton")
	w.Go("main", func() {
		baton.Lock()
		w.Go("helper", func() { baton.Unlock() }) // hands the baton back
		baton.Lock()                              // waits for the helper
		baton.Unlock()
	})
	fmt.Println(w.Run().Outcome)
	// Output: done
}

// A run that ends at a budget names every unfinished task: which could
// still run, and which waited on what, held by whom, for how long.
func ExampleResult_Unfinished() {
	w := sim.New(sim.Config{Seed: 1, MaxTime: time.Minute})
	results := sim.NewChan[int](w, "results", 0)
	w.Go("poller", func() {
		for {
			w.Sleep(time.Second)
		}
	})
	w.Go("leaked", func() { results.Recv() }) // nobody ever sends
	res := w.Run()
	fmt.Println(res.Outcome)
	for _, u := range res.Unfinished {
		fmt.Println(u)
	}
	// Output:
	// time-budget
	// poller#0 blocked for 0s on sleep
	// leaked#1 blocked for 1m0s on receive on chan results (empty, no sender)
}

// AfterCase is a timeout arm that mixes with channels of any element type.
func ExampleWorld_AfterCase() {
	w := sim.New(sim.Config{Seed: 1})
	jobs := sim.NewChan[int](w, "jobs", 0)
	quit := sim.NewChan[struct{}](w, "quit", 0)
	w.Go("worker", func() {
		arm, _ := w.Select(jobs.RecvCase(nil), quit.RecvCase(nil), w.AfterCase(5*time.Second))
		fmt.Println("arm", arm, "at", w.Elapsed())
	})
	w.Run()
	// Output: arm 2 at 5s
}

// A Cond can wait on any Locker: here on a read lock, while the writer
// changes the condition under the write lock.
func ExampleRWMutex_RLocker() {
	w := sim.New(sim.Config{Seed: 1})
	rw := w.NewRWMutex("config", sim.GoRW)
	changed := w.NewCond("changed", rw.RLocker())
	version := 0
	w.Go("reader", func() {
		rw.RLock()
		for version == 0 {
			changed.Wait()
		}
		fmt.Println("reader saw version", version)
		rw.RUnlock()
	})
	w.Go("writer", func() {
		w.Sleep(time.Second)
		rw.Lock()
		version = 1
		changed.Broadcast()
		rw.Unlock()
	})
	w.Run()
	// Output: reader saw version 1
}

// A barging mutex lets the task that just unlocked it take it again ahead
// of a waiter, as sync.Mutex does; by default the waiter gets it.
func ExampleBarging() {
	for _, barging := range []bool{false, true} {
		w := sim.New(sim.Config{Seed: 2, Scheduler: sim.PCT{Depth: 1}})
		m := w.NewMutex("m", sim.Barging(barging))
		var order []string
		w.Go("greedy", func() {
			m.Lock()
			w.Sleep(time.Microsecond) // the waiter queues meanwhile
			m.Unlock()
			m.Lock() // again at once
			order = append(order, "greedy")
			m.Unlock()
		})
		w.Go("waiter", func() { m.Lock(); order = append(order, "waiter"); m.Unlock() })
		w.Run()
		fmt.Println("barging", barging, "->", order)
	}
	// Output:
	// barging false -> [waiter greedy]
	// barging true -> [greedy waiter]
}

// Each seed of Swarm draws its own scheduler settings.
func ExampleSwarm_Draw() {
	for seed := uint64(1); seed <= 3; seed++ {
		fmt.Println(seed, sim.Swarm{}.Draw(seed))
	}
	// Output:
	// 1 pct:3 early=0.015625 slow=0.5
	// 2 pct:3 early=0.03125 slow=0.25
	// 3 random early=0.03125 slow=0.25
}
