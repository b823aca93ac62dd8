package bugbench

import "github.com/drysim/drysim/sim"

// Programs returns every program of the benchmark, in a fixed order.
func Programs() []Program {
	var ps []Program
	for _, group := range [][]Program{lockPrograms(), signalPrograms(), channelPrograms(), atomicityPrograms(), timingPrograms()} {
		ps = append(ps, group...)
	}
	return ps
}

// lockPrograms are deadlocks between locks (and a lock and a wait).
func lockPrograms() []Program {
	return []Program{
		{Name: "abba", Pattern: "two tasks take two locks in opposite orders", Buggy: abba(false), Fixed: abba(true)},
		{Name: "relock", Pattern: "a helper locks a mutex its caller already holds, on a cold-cache path", Buggy: relock(false), Fixed: relock(true)},
		{Name: "rwr", Pattern: "a reader read-locks again while a writer waits (Go's RWMutex blocks it)", Buggy: rwr(false), Fixed: rwr(true)},
		{Name: "rw-upgrade", Pattern: "a reader takes the write lock while holding its read lock", Buggy: rwUpgrade(false), Fixed: rwUpgrade(true)},
		{Name: "send-while-holding", Pattern: "a producer sends on an unbuffered channel holding the lock its consumer needs first", Buggy: sendWhileHolding(false), Fixed: sendWhileHolding(true)},
		{Name: "wait-holding-lock", Pattern: "WaitGroup.Wait while holding the lock the workers need to finish", Buggy: waitHoldingLock(false), Fixed: waitHoldingLock(true)},
		{Name: "double-unlock", Pattern: "an early-return path unlocks and the deferred Unlock unlocks again", Buggy: doubleUnlock(false), Fixed: doubleUnlock(true)},
	}
}

func abba(fixed bool) Body {
	return func(w *sim.World) func() error {
		a, b := w.NewMutex("A"), w.NewMutex("B")
		w.Go("t1", func() { a.Lock(); b.Lock(); b.Unlock(); a.Unlock() })
		w.Go("t2", func() {
			first, second := b, a
			if fixed {
				first, second = a, b // one global order
			}
			first.Lock()
			second.Lock()
			second.Unlock()
			first.Unlock()
		})
		return nil
	}
}

func relock(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("cache")
		warm := false
		fill := func() { warm = true }
		refresh := func() { mu.Lock(); fill(); mu.Unlock() }
		w.Go("reader", func() {
			mu.Lock()
			if !warm {
				if fixed {
					fill() // the caller holds mu: the locked variant
				} else {
					refresh()
				}
			}
			mu.Unlock()
		})
		w.Go("warmer", refresh)
		return nil
	}
}

func rwr(fixed bool) Body {
	return func(w *sim.World) func() error {
		rw := w.NewRWMutex("index", sim.GoRW)
		w.Go("reader", func() {
			rw.RLock()
			w.Point(w.Label("lookup"), 0)
			if !fixed {
				rw.RLock() // a nested call read-locks again
				rw.RUnlock()
			}
			rw.RUnlock()
		})
		w.Go("writer", func() { rw.Lock(); rw.Unlock() })
		return nil
	}
}

func rwUpgrade(fixed bool) Body {
	return func(w *sim.World) func() error {
		rw := w.NewRWMutex("config", sim.GoRW)
		stale := true
		w.Go("refresher", func() {
			rw.RLock()
			s := stale
			if fixed {
				rw.RUnlock()
			}
			if s {
				rw.Lock()
				stale = false
				rw.Unlock()
			}
			if !fixed {
				rw.RUnlock()
			}
		})
		w.Go("updater", func() { rw.Lock(); stale = false; rw.Unlock() })
		return nil
	}
}

func sendWhileHolding(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("state")
		ch := sim.NewChan[int](w, "results", 0)
		w.Go("producer", func() {
			mu.Lock()
			if fixed {
				mu.Unlock()
				ch.Send(1)
				return
			}
			ch.Send(1)
			mu.Unlock()
		})
		w.Go("consumer", func() { mu.Lock(); mu.Unlock(); ch.Recv() })
		return nil
	}
}

func waitHoldingLock(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("totals")
		wg := w.NewWaitGroup("workers")
		n, total := 0, 0
		wg.Add(2)
		for _, name := range []string{"w1", "w2"} {
			w.Go(name, func() { mu.Lock(); n++; mu.Unlock(); wg.Done() })
		}
		w.Go("main", func() {
			if fixed {
				wg.Wait()
			}
			mu.Lock()
			if !fixed {
				wg.Wait()
			}
			total = n
			mu.Unlock()
		})
		return func() error {
			if total != 2 {
				return errorf("total %d, want 2", total)
			}
			return nil
		}
	}
}

func doubleUnlock(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("job")
		stopped := false
		w.Go("worker", func() {
			mu.Lock()
			defer mu.Unlock()
			if stopped {
				if !fixed {
					mu.Unlock() // and the deferred Unlock runs too
				}
				return
			}
			w.Point(w.Label("work"), 0)
		})
		w.Go("stopper", func() { mu.Lock(); stopped = true; mu.Unlock() })
		return nil
	}
}
