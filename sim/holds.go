package sim

import (
	"cmp"
	"slices"
	"time"
)

// Hold is one task holding one lock from one step to another.
type Hold struct {
	Task               int32
	Lock               string
	From, To           int64 // steps; To is the unlock (or the last step)
	FromTime, ToTime   time.Duration
	ReleasedBeforeEnds bool
}

type taskLock struct {
	task int32
	obj  int32
}

// LockHolds reads the lock holds out of the trace: a Lock (or LockTimeout)
// acquires at once unless the task's next event is a wake on that lock,
// which then is the acquisition (or a timeout, which holds nothing); an
// acquired TryLock holds from its own step; Unlock ends the hold. A waiter
// of a barging mutex may be woken and lose the race again: of a run of
// wakes on the same lock, the last is the acquisition.
func (tr *Trace) LockHolds() []Hold {
	var holds []Hold
	pending := map[int32]Event{} // a lock attempt whose outcome the task's next event tells
	open := map[taskLock]Event{}
	var last Event
	for e := range tr.All() {
		last = e
		if p, ok := pending[e.Task]; ok && e.Kind != KindTimer { // the wait's own timer tells nothing yet
			delete(pending, e.Task)
			switch {
			case e.Kind == KindWake && e.Obj == p.Obj && e.Arg == 1: // timed out
			case e.Kind == KindWake && e.Obj == p.Obj:
				pending[e.Task] = e // another wake may follow (barging)
				continue
			default:
				open[taskLock{p.Task, p.Obj}] = p
			}
		}
		switch {
		case e.Kind == KindLock || e.Kind == KindLockTimeout:
			pending[e.Task] = e
		case e.Kind == KindTryLock && e.Arg == 1:
			open[taskLock{e.Task, e.Obj}] = e
		case e.Kind == KindUnlock:
			if start, ok := open[taskLock{e.Task, e.Obj}]; ok {
				delete(open, taskLock{e.Task, e.Obj})
				holds = append(holds, hold(tr, start, e, true))
			}
		}
	}
	for _, p := range pending { //drysim:order-independent: sorted below
		if p.Kind == KindWake { // acquired at the run's last event
			holds = append(holds, hold(tr, p, last, false))
		}
	}
	for _, start := range open { //drysim:order-independent: sorted below
		holds = append(holds, hold(tr, start, last, false))
	}
	sortHolds(holds)
	return holds
}

func hold(tr *Trace, from, to Event, released bool) Hold {
	return Hold{Task: from.Task, Lock: tr.ObjName(from.Obj), From: from.Step, To: to.Step,
		FromTime: from.Time, ToTime: to.Time, ReleasedBeforeEnds: released}
}

func sortHolds(hs []Hold) {
	slices.SortFunc(hs, func(a, b Hold) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Task, b.Task), cmp.Compare(a.Lock, b.Lock))
	})
}
