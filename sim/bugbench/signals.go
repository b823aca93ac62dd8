package bugbench

import "github.com/drysim/drysim/sim"

// signalPrograms lose a wake-up: a waiter waits for a notification that
// has already happened, or that goes to someone else.
func signalPrograms() []Program {
	return []Program{
		{Name: "signal-not-broadcast", Pattern: "a state change that every waiter needs is announced with Signal", Buggy: signalNotBroadcast(false), Fixed: signalNotBroadcast(true)},
		{Name: "missed-signal", Pattern: "the waiter checks its condition before taking the lock, and the signal comes in between", Buggy: missedSignal(false), Fixed: missedSignal(true)},
		{Name: "lost-wakeup", Pattern: "the waiter reads the notifier's sequence after checking the queue, so a notify in between is lost", Buggy: lostWakeup(false), Fixed: lostWakeup(true)},
	}
}

func signalNotBroadcast(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("m")
		cond := w.NewCond("ready", mu)
		ready := false
		for _, name := range []string{"waiter1", "waiter2"} {
			w.Go(name, func() {
				mu.Lock()
				for !ready {
					cond.Wait()
				}
				mu.Unlock()
			})
		}
		w.Go("setter", func() {
			mu.Lock()
			ready = true
			if fixed {
				cond.Broadcast()
			} else {
				cond.Signal()
			}
			mu.Unlock()
		})
		return nil
	}
}

func missedSignal(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("m")
		cond := w.NewCond("ready", mu)
		ready := false
		w.Go("waiter", func() {
			if fixed {
				mu.Lock()
				for !ready {
					cond.Wait()
				}
				mu.Unlock()
				return
			}
			if !ready { // checked without the lock
				mu.Lock()
				cond.Wait()
				mu.Unlock()
			}
		})
		w.Go("setter", func() { mu.Lock(); ready = true; cond.Signal(); mu.Unlock() })
		return nil
	}
}

func lostWakeup(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("queue")
		work := w.NewNotifier("work")
		queue, got := 0, 0
		w.Go("consumer", func() {
			for got < 2 {
				seq := work.Seq()
				mu.Lock()
				empty := queue == 0
				if !empty {
					queue--
					got++
				}
				mu.Unlock()
				if !empty {
					continue
				}
				w.Point(w.Label("idle"), 0) // say so in the log, or the metrics
				if !fixed {
					seq = work.Seq() // read after the check: a notify in between is lost
				}
				work.Wait(seq, -1)
			}
		})
		w.Go("producer", func() {
			for range 2 {
				mu.Lock()
				queue++
				mu.Unlock()
				work.Notify()
			}
		})
		return nil
	}
}
