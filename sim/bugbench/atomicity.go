package bugbench

import "github.com/drysim/drysim/sim"

// atomicityPrograms break atomicity or order: a read and a write, a check
// and an act, or two writes that belong together are interleaved, or one
// task uses what another has not made yet.
func atomicityPrograms() []Program {
	return []Program{
		{Name: "lost-update", Pattern: "two tasks read a counter, then write back what they read plus one", Buggy: lostUpdate(false), Fixed: lostUpdate(true)},
		{Name: "check-then-act", Pattern: "two withdrawals check the balance, then take from it", Buggy: checkThenAct(false), Fixed: checkThenAct(true)},
		{Name: "torn-pair", Pattern: "two fields that must agree are each written under the lock, but not together", Buggy: tornPair(false), Fixed: tornPair(true)},
		{Name: "use-before-init", Pattern: "a task uses a value another task initialises, with nothing ordering the two", Buggy: useBeforeInit(false), Fixed: useBeforeInit(true)},
		{Name: "wg-add-in-task", Pattern: "WaitGroup.Add is called inside the started task, so Wait may return before it", Buggy: wgAddInTask(false), Fixed: wgAddInTask(true)},
		{Name: "double-checked-init", Pattern: "two tasks see the instance missing and both create it under the lock, with no second check", Buggy: doubleCheckedInit(false), Fixed: doubleCheckedInit(true)},
	}
}

func lostUpdate(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("counter")
		n := 0
		for _, name := range []string{"a", "b"} {
			w.Go(name, func() {
				if fixed {
					mu.Lock()
					defer mu.Unlock()
				}
				v := n
				w.Point(w.Label("between"), 0)
				n = v + 1
			})
		}
		return func() error {
			if n != 2 {
				return errorf("counter %d, want 2", n)
			}
			return nil
		}
	}
}

func checkThenAct(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("account")
		balance := 100
		for _, name := range []string{"atm1", "atm2"} {
			w.Go(name, func() {
				if fixed {
					mu.Lock()
					defer mu.Unlock()
				}
				if balance >= 80 {
					w.Point(w.Label("dispense"), 0)
					balance -= 80
				}
			})
		}
		return func() error {
			if balance < 0 {
				return errorf("balance %d: both withdrawals passed the check", balance)
			}
			return nil
		}
	}
}

func tornPair(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("pair")
		x, y := 0, 0
		torn := false
		w.Go("writer", func() {
			for i := 1; i <= 2; i++ {
				mu.Lock()
				x = i
				if !fixed {
					mu.Unlock()
					mu.Lock()
				}
				y = i
				mu.Unlock()
			}
		})
		w.Go("reader", func() {
			mu.Lock()
			torn = x != y
			mu.Unlock()
		})
		return func() error {
			if torn {
				return errorf("reader saw x != y")
			}
			return nil
		}
	}
}

type config struct{ workers int }

func useBeforeInit(fixed bool) Body {
	return func(w *sim.World) func() error {
		ready := sim.NewChan[struct{}](w, "ready", 0)
		var cfg *config
		used := -1
		w.Go("init", func() {
			w.Point(w.Label("load"), 0)
			cfg = &config{workers: 4}
			ready.Close()
		})
		w.Go("user", func() {
			if fixed {
				ready.Recv()
			}
			w.Point(w.Label("start"), 0)
			if cfg != nil {
				used = cfg.workers
			}
		})
		return func() error {
			if used != 4 {
				return errorf("user ran before the config was loaded")
			}
			return nil
		}
	}
}

func wgAddInTask(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("count")
		wg := w.NewWaitGroup("workers")
		n, seen := 0, -1
		w.Go("main", func() {
			for range 3 {
				if fixed {
					wg.Add(1)
				}
				w.Go("worker", func() {
					if !fixed {
						wg.Add(1)
					}
					mu.Lock()
					n++
					mu.Unlock()
					wg.Done()
				})
			}
			wg.Wait()
			mu.Lock()
			seen = n
			mu.Unlock()
		})
		return func() error {
			if seen != 3 {
				return errorf("Wait returned after %d of 3 workers", seen)
			}
			return nil
		}
	}
}

func doubleCheckedInit(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("instance")
		var inst *config
		inits := 0
		for _, name := range []string{"g1", "g2"} {
			w.Go(name, func() {
				if inst != nil {
					return
				}
				mu.Lock()
				if !fixed || inst == nil {
					inits++
					inst = &config{}
				}
				mu.Unlock()
			})
		}
		return func() error {
			if inits != 1 {
				return errorf("instance created %d times", inits)
			}
			return nil
		}
	}
}
