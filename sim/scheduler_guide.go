package sim

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// Guide hands every decision to a systematic explorer (package
// sim/verify): at each decision it says which tasks can run, which of them
// was running (so a switch away from it is a preemption), and what the
// steps since the previous decision touched (Footprint), which is what a
// partial-order reduction needs to know which orders commute.
//
// A world run under a Guide tracks footprints: every kernel object a step
// operates on (the event's object, a Point's label), every PRNG stream it
// draws from, every timer deadline it arms, every task it starts and every
// object it names. Tracking changes no choice, value or hash: the decisions a
// Guide makes replay under Replay to the same hash.
//
// Choose returns an index into Options; len(Options), when Fire is set, to
// fire the earliest timer now (as Config.EarlyTimers would); or -1 to end
// the run at once with outcome Stopped (the explorer knows the rest of
// this schedule is equivalent to one it has run). Without that choice a
// timer fires only when no task can run, as under Replay's fixed rule.
type Guide struct {
	Choose func(p *GuidePoint) int
}

// GuidePoint is one decision as a Guide sees it.
type GuidePoint struct {
	Step    int64   // events recorded so far
	Options []int32 // the runnable tasks' IDs, ascending
	// Current is the task that reached this point and can still run, or -1
	// when it blocked or ended: a switch away from Current is a preemption,
	// any choice when it is -1 is free.
	Current int32
	// Fire: firing the earliest timer now is also an option (index
	// len(Options)); the world's Config.EarlyTimers and EarlyTimerWindow say
	// where (a timer due within the window), not how often.
	Fire bool
	// Since is what every step since the previous decision (or since the
	// run began) touched: the steps of the task chosen there, and of any
	// task that then ran alone.
	Since Footprint
}

func (g Guide) String() string { return "guide" }

func (g Guide) newPicker(*rand.Rand) picker { return &guideSched{g: g} }

func (g Guide) tracksFootprints() {}

type guideSched struct {
	g     Guide
	tasks []*Task
	point GuidePoint
}

func (s *guideSched) spawned(*Task) {}

func (s *guideSched) pick(w *World, fireable bool) (next *Task, fallback bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			w.rethrow = r
			err = fmt.Errorf("guide panicked: %v", r)
		}
	}()
	p := &s.point
	s.tasks, p.Options = runnableByID(w, s.tasks, p.Options)
	p.Step, p.Current, p.Fire = w.step, -1, fireable
	if c := w.current; c != nil && c.runIdx >= 0 {
		p.Current = c.id
	}
	p.Since = w.fp.take()
	i := s.g.Choose(p)
	if i == -1 {
		return nil, false, errGuideStop
	}
	if next, err = optionAt("guide", i, s.tasks, fireable); next == nil {
		return nil, false, err
	}
	return next, next == fallbackTask(w), nil
}

// errGuideStop ends a run as Stopped when a Guide returns -1.
var errGuideStop = errors.New("guide: the rest of this schedule was explored as another")

// Space says what kind of thing an Access names.
type Space uint8

// The spaces of Access.ID.
const (
	// SpaceObject: a kernel object (Mutex, RWMutex, Cond, WaitGroup, Once,
	// Notifier, Chan), by its id.
	SpaceObject Space = iota
	// SpacePoint: a Point, by its label; Name is the label's name. The
	// kernel cannot see what a labelled step reads or writes, so an
	// explorer should take every two points to conflict unless it knows
	// both only read.
	SpacePoint
	// SpaceStream: a PRNG stream drawn from (ID: a hash of its name).
	SpaceStream
	// SpaceTimer: a timer armed for this virtual time: timers due at the
	// same time fire in the order they were armed.
	SpaceTimer
	// SpaceNames: objects or labels named (ids are handed out in order).
	SpaceNames
	// SpaceTasks: tasks started (IDs are handed out in order).
	SpaceTasks
	// SpaceAny: an operation on objects the kernel does not list (a
	// Select's arms): it conflicts with every other access.
	SpaceAny
	// SpaceRan: task ID took a step. It conflicts with nothing; it tells
	// an explorer which tasks moved, the chosen one and any that then ran
	// alone.
	SpaceRan
)

// Access is one thing a step touched.
type Access struct {
	Space Space
	Kind  Kind // the event's kind, for SpaceObject and SpacePoint
	ID    int64
	Name  string // a Point's label name
}

// Footprint is what some steps touched, each access once, in the order
// first touched.
type Footprint []Access

// footprints collects accesses while a Guide runs the world; nil otherwise,
// and every touch is then a nil check.
type footprints struct {
	acc        Footprint
	labelNames map[int32]string
}

func (f *footprints) touch(a Access) {
	if !slices.Contains(f.acc, a) {
		f.acc = append(f.acc, a)
	}
}

func (f *footprints) take() Footprint {
	if f == nil {
		return nil
	}
	out := slices.Clone(f.acc)
	f.acc = f.acc[:0]
	return out
}

// touchEvent notes the task and the object of an event it records.
func (w *World) touchEvent(t *Task, kind Kind, obj int32) {
	if t != kernelTask {
		w.fp.touch(Access{Space: SpaceRan, ID: int64(t.id)})
	}
	switch {
	case kind == KindSelect:
		w.fp.touch(Access{Space: SpaceAny})
	case obj == 0:
	case kind == KindPoint:
		w.fp.touch(Access{Space: SpacePoint, Kind: kind, ID: int64(obj), Name: w.fp.labelNames[obj]})
	default:
		w.fp.touch(Access{Space: SpaceObject, Kind: kind, ID: int64(obj)})
	}
}

func (w *World) touchTimer(when time.Duration) {
	if w.fp != nil {
		w.fp.touch(Access{Space: SpaceTimer, ID: int64(when)})
	}
}

// trackedSource is a world stream's source while footprints are tracked:
// the same numbers, and each draw noted.
type trackedSource struct {
	src *rand.PCG
	w   *World
	id  int64
}

func (s *trackedSource) Uint64() uint64 {
	s.w.fp.touch(Access{Space: SpaceStream, ID: s.id})
	return s.src.Uint64()
}
