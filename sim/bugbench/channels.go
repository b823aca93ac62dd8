package bugbench

import (
	"errors"

	"github.com/drysim/drysim/sim"
)

// channelPrograms misuse channels: leaks (a sender nobody receives from),
// sends on a closed channel, double closes, dropped messages.
func channelPrograms() []Program {
	return []Program{
		{Name: "timeout-leak", Pattern: "the caller gives up after a timeout and the worker blocks forever sending its result", Buggy: timeoutLeak(false), Fixed: timeoutLeak(true)},
		{Name: "early-return-leak", Pattern: "the collector returns at the first error and the other workers block sending theirs", Buggy: earlyReturnLeak(false), Fixed: earlyReturnLeak(true)},
		{Name: "send-on-closed", Pattern: "the channel is closed after waiting for only some of its senders", Buggy: sendOnClosed(false), Fixed: sendOnClosed(true)},
		{Name: "close-twice", Pattern: "two tasks check a closed flag, then close the channel", Buggy: closeTwice(false), Fixed: closeTwice(true)},
		{Name: "dropped-send", Pattern: "a non-blocking send drops the message when the receiver is not yet waiting", Buggy: droppedSend(false), Fixed: droppedSend(true)},
	}
}

func timeoutLeak(fixed bool) Body {
	return func(w *sim.World) func() error {
		capacity := 0
		if fixed {
			capacity = 1 // the late result has somewhere to go
		}
		result := sim.NewChan[int](w, "result", capacity)
		w.Go("caller", func() {
			w.Go("worker", func() {
				for range 3 {
					w.Point(w.Label("work"), 0)
				}
				result.Send(1)
			})
			w.Select(result.RecvCase(nil), w.AfterCase(ms))
		})
		return nil
	}
}

func earlyReturnLeak(fixed bool) Body {
	return func(w *sim.World) func() error {
		capacity := 0
		if fixed {
			capacity = 3
		}
		errc := sim.NewChan[error](w, "errors", capacity)
		for i, name := range []string{"w0", "w1", "w2"} {
			w.Go(name, func() {
				w.Point(w.Label("work"), 0)
				var err error
				if i == 0 {
					err = errors.New("boom")
				}
				errc.Send(err)
			})
		}
		w.Go("collector", func() {
			for range 3 {
				if err, _ := errc.Recv(); err != nil {
					return
				}
			}
		})
		return nil
	}
}

func sendOnClosed(fixed bool) Body {
	return func(w *sim.World) func() error {
		results := sim.NewChan[int](w, "results", 4)
		wg := w.NewWaitGroup("producers")
		if fixed {
			wg.Add(2)
		} else {
			wg.Add(1) // the second producer was added later and not counted
		}
		w.Go("p1", func() { defer wg.Done(); results.Send(1) })
		w.Go("p2", func() {
			if fixed {
				defer wg.Done()
			}
			w.Point(w.Label("work"), 0)
			results.Send(2)
		})
		w.Go("closer", func() { wg.Wait(); results.Close() })
		return nil
	}
}

func closeTwice(fixed bool) Body {
	return func(w *sim.World) func() error {
		done := sim.NewChan[struct{}](w, "done", 0)
		once := w.NewOnce("close")
		closed := false
		for _, name := range []string{"a", "b"} {
			w.Go(name, func() {
				w.Point(w.Label("work"), 0)
				if fixed {
					once.Do(done.Close)
					return
				}
				if !closed {
					done.Close()
					closed = true
				}
			})
		}
		return nil
	}
}

func droppedSend(fixed bool) Body {
	return func(w *sim.World) func() error {
		events := sim.NewChan[int](w, "events", 0)
		got := 0
		w.Go("producer", func() {
			for i := range 3 {
				if fixed {
					events.Send(i)
					continue
				}
				w.Select(events.SendCase(i), sim.DefaultCase()) // drops it if nobody waits
			}
			events.Close()
		})
		w.Go("consumer", func() {
			for {
				if _, ok := events.Recv(); !ok {
					return
				}
				got++
			}
		})
		return func() error {
			if got != 3 {
				return errorf("consumer got %d events of 3", got)
			}
			return nil
		}
	}
}
