package sim

import (
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
}

func (c Chooser) String() string { return "chooser" }

func (c Chooser) newPicker(*rand.Rand) picker { return &chooserSched{c: c} }

type chooserSched struct {
	c    Chooser
	opts []int32
}

func (s *chooserSched) spawned(*Task) {}

func (s *chooserSched) pick(w *World, fireable bool) (d Decision, err error) {
	defer func() {
		// A panic in Choose is the caller's (a property-testing library
		// aborting its test case): end the run and re-raise it from Run.
		if r := recover(); r != nil {
			w.rethrow = r
			err = fmt.Errorf("chooser panicked: %v", r)
		}
	}()
	s.opts = s.opts[:0]
	for _, t := range w.runnable {
		s.opts = append(s.opts, t.id)
	}
	slices.Sort(s.opts)
	i := s.c.Choose(s.opts, fireable)
	switch {
	case fireable && i == len(s.opts):
		return Decision{Task: FireTimer}, nil
	case i < 0 || i >= len(s.opts):
		return Decision{}, fmt.Errorf("chooser picked option %d of %d", i, len(s.opts))
	}
	return Decision{Task: s.opts[i]}, nil
}
