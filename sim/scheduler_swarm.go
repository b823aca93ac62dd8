package sim

import (
	"fmt"
	"math/rand/v2"
	"strconv"
)

// Swarm is swarm testing for schedules (Groce et al., ISSTA 2012; as
// TigerBeetle's VOPR draws its settings per seed): each seed also draws the
// scheduler's settings — random or PCT and its depth, the early-timer rate,
// and which tasks run slowly — so one sweep of seeds covers many
// configurations, and a bug that needs one of them is found without
// knowing which. Swarm.Draw tells what a seed drew.
//
// The drawn early-timer rate replaces Config.EarlyTimers, which only says
// whether timers may fire early at all (any value > 0): it decides where
// the choice points are, so a replay must see the same ones.
type Swarm struct {
	// Horizon is PCT's horizon for the seeds that draw PCT; 0 means
	// DefaultPCTHorizon. simtest.Find learns it as for PCT.
	Horizon int64
}

// SwarmDraw is what one seed of Swarm runs with.
type SwarmDraw struct {
	Depth       int     // 0: random scheduling; else PCT of this depth
	EarlyTimers float64 // the early-timer rate
	// Slow is the share of tasks that run slowly: under random scheduling
	// one is picked an eighth as often as another; under PCT its
	// priorities lie below every other task's.
	Slow float64
	salt uint64 // picks the slow tasks, by ID
}

func (d SwarmDraw) String() string {
	mode := "random"
	if d.Depth > 0 {
		mode = fmt.Sprintf("pct:%d", d.Depth)
	}
	return fmt.Sprintf("%s early=%g slow=%g", mode, d.EarlyTimers, d.Slow)
}

// slowWeight is how much less often random scheduling picks a slow task.
const slowWeight = 8

// drawSwarm draws a seed's settings from menus, uniformly. Depth 0 is
// random scheduling; early rates span the range where timeout races go
// from rare to common; half the seeds slow nobody.
func drawSwarm(rng *rand.Rand) SwarmDraw {
	depths := [...]int{0, 1, 2, 3}
	early := [...]float64{0, 1.0 / 64, 1.0 / 32, 1.0 / 8, 1.0 / 4, 1.0 / 2}
	slow := [...]float64{0, 0, 1.0 / 4, 1.0 / 2}
	return SwarmDraw{
		Depth:       depths[rng.IntN(len(depths))],
		EarlyTimers: early[rng.IntN(len(early))],
		Slow:        slow[rng.IntN(len(slow))],
		salt:        rng.Uint64(),
	}
}

// Draw returns the settings seed runs with under s.
func (s Swarm) Draw(seed uint64) SwarmDraw {
	return drawSwarm(New(Config{Seed: seed}).Rand("sched"))
}

// slow reports whether the task with this ID runs slowly. It is a hash of
// the ID, so nothing is kept per task.
func (d SwarmDraw) slow(id int32) bool {
	return d.Slow > 0 && float64(splitmix(d.salt^uint64(id))>>11)/(1<<53) < d.Slow
}

func (s Swarm) String() string {
	if s.Horizon == 0 {
		return "swarm"
	}
	return "swarm:" + strconv.FormatInt(s.Horizon, 10)
}

// HorizonSteps returns the horizon, 0 if unset (see HorizonScheduler).
func (s Swarm) HorizonSteps() int64 { return s.Horizon }

// WithHorizon returns s with its horizon set to steps.
func (s Swarm) WithHorizon(steps int64) Scheduler {
	s.Horizon = steps
	return s
}

func (s Swarm) validate() error {
	if s.Horizon < 0 {
		return fmt.Errorf("sim: Swarm{Horizon: %d} is negative; want 0 (default) or more", s.Horizon)
	}
	return nil
}

func (s Swarm) newPicker(rng *rand.Rand) picker {
	d := drawSwarm(rng)
	sw := &swarmSched{rng: rng, draw: d}
	if d.Depth > 0 {
		sw.pct = PCT{Depth: d.Depth, Horizon: s.Horizon}.newPicker(rng)
	}
	return sw
}

type swarmSched struct {
	rng  *rand.Rand
	draw SwarmDraw
	pct  picker // nil under random scheduling
}

func (s *swarmSched) spawned(t *Task) {
	if s.pct == nil {
		return
	}
	s.pct.spawned(t)
	if !s.draw.slow(t.id) {
		t.prio += 1 << 40 // above every slow task's initial priority
	}
}

// calm ends the draw's schedule faults (World.CalmAt): no early timers, no
// slow tasks under random scheduling. A PCT draw keeps its priorities,
// which is no less fair than pct itself.
func (s *swarmSched) calm() {
	s.draw.EarlyTimers, s.draw.Slow = 0, 0
}

func (s *swarmSched) pick(w *World, fireable bool) (*Task, bool, error) {
	if fireable && s.draw.EarlyTimers > 0 && s.rng.Float64() < s.draw.EarlyTimers {
		return nil, false, nil
	}
	if s.pct != nil {
		return s.pct.pick(w, false)
	}
	return s.pickWeighted(w), false, nil
}

// pickWeighted picks a runnable task at random, slow ones slowWeight times
// less often.
func (s *swarmSched) pickWeighted(w *World) *Task {
	if s.draw.Slow == 0 {
		return w.runnable[s.rng.IntN(len(w.runnable))]
	}
	total := 0
	for _, t := range w.runnable {
		total += s.weight(t)
	}
	r := s.rng.IntN(total)
	for _, t := range w.runnable {
		if r -= s.weight(t); r < 0 {
			return t
		}
	}
	return w.runnable[len(w.runnable)-1] // unreachable: the weights sum to total
}

func (s *swarmSched) weight(t *Task) int {
	if s.draw.slow(t.id) {
		return 1
	}
	return slowWeight
}

var swarmInfo = SchedulerInfo{
	Name: "swarm", Syntax: "swarm, swarm:<horizon>",
	Doc: "each seed draws its own settings: random or pct:1-3, the early-timer rate, slow tasks",
	parse: func(args string, has bool) (Scheduler, error) {
		if !has {
			return Swarm{}, nil
		}
		h, err := strconv.ParseInt(args, 10, 64)
		if err != nil || h < 1 {
			return nil, fmt.Errorf("sim: scheduler %q: swarm horizon must be a whole number of steps, 1 or more", "swarm:"+args)
		}
		return Swarm{Horizon: h}, nil
	},
}
