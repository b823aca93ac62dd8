package sim

import (
	"fmt"
	"math/rand/v2"
)

// Random picks a runnable task uniformly at every scheduling point.
type Random struct{}

func (Random) String() string { return "random" }

func (Random) newPicker(rng *rand.Rand) picker { return &randomSched{rng: rng} }

type randomSched struct{ rng *rand.Rand }

func (s *randomSched) spawned(*Task) {}

func (s *randomSched) pick(w *World, fireable bool) (*Task, bool, error) {
	if fireEarly(w, s.rng, fireable) {
		return nil, false, nil
	}
	return w.runnable[s.rng.IntN(len(w.runnable))], false, nil
}

var randomInfo = SchedulerInfo{
	Name: "random", Syntax: "random",
	Doc: "a runnable task uniformly at every scheduling point",
	parse: func(_ string, has bool) (Scheduler, error) {
		if has {
			return nil, fmt.Errorf("sim: scheduler random takes no arguments")
		}
		return Random{}, nil
	},
}
