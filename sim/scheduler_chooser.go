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
	s.tasks = append(s.tasks[:0], w.runnable...)
	slices.SortFunc(s.tasks, func(a, b *Task) int { return cmp.Compare(a.id, b.id) })
	s.opts = s.opts[:0]
	for _, t := range s.tasks {
		s.opts = append(s.opts, t.id)
	}
	i := s.c.Choose(s.opts, fireable)
	switch {
	case fireable && i == len(s.opts):
		return nil, false, nil
	case i < 0 || i >= len(s.opts):
		return nil, false, fmt.Errorf("chooser picked option %d of %d", i, len(s.opts))
	}
	return s.tasks[i], false, nil
}
