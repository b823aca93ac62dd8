package sim

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
)

// Chooser hands every decision to a function: options are the runnable
// tasks' IDs in ascending order, and fire says whether firing the earliest
// timer is also allowed (as the last option, index len(options)). It lets a
// property-testing library draw the interleaving itself and shrink it: a
// smaller index is a simpler schedule.
//
// If Choose panics, the run ends and Run panics with the same value once
// every task has been unwound.
type Chooser struct {
	Choose func(options []int32, fire bool) int
	// Calm, if set, is called once when World.CalmAt's time comes: a
	// chooser that injects schedule faults of its own (early timers, slow
	// tasks) should stop then, as Swarm does.
	Calm func()
}

func (c Chooser) String() string { return "chooser" }

func (c Chooser) newPicker(*rand.Rand) picker { return &chooserSched{c: c} }

type chooserSched struct {
	c     Chooser
	tasks []*Task // the runnable tasks in ID order
	opts  []int32 // their IDs
}

func (s *chooserSched) spawned(*Task) {}

// calm passes World.CalmAt on to the chooser's Calm.
func (s *chooserSched) calm() {
	if s.c.Calm != nil {
		s.c.Calm()
	}
}

func (s *chooserSched) pick(w *World, fireable bool) (next *Task, _ bool, err error) {
	defer func() {
		// A panic in Choose is the caller's (a property-testing library
		// aborting its test case): end the run and re-raise it from Run.
		if r := recover(); r != nil {
			w.rethrow = r
			err = fmt.Errorf("chooser panicked: %v", r)
		}
	}()
	s.tasks, s.opts = runnableByID(w, s.tasks, s.opts)
	next, err = optionAt("chooser", s.c.Choose(s.opts, fireable), s.tasks, fireable)
	return next, false, err
}

// runnableByID refills tasks with the runnable tasks in ID order and opts
// with their IDs: the options an outside chooser (Chooser, Guide) picks
// from by index, the same on every run whatever order w keeps them in.
func runnableByID(w *World, tasks []*Task, opts []int32) ([]*Task, []int32) {
	tasks = append(tasks[:0], w.runnable...)
	slices.SortFunc(tasks, func(a, b *Task) int { return cmp.Compare(a.id, b.id) })
	opts = opts[:0]
	for _, t := range tasks {
		opts = append(opts, t.id)
	}
	return tasks, opts
}

// optionAt is an outside chooser's answer i as a task: len(tasks) fires the
// earliest timer (nil) when fireable, and anything else out of range is an
// error naming who picked it.
func optionAt(who string, i int, tasks []*Task, fireable bool) (*Task, error) {
	switch {
	case fireable && i == len(tasks):
		return nil, nil
	case i < 0 || i >= len(tasks):
		return nil, fmt.Errorf("%s picked option %d of %d", who, i, len(tasks))
	}
	return tasks[i], nil
}
