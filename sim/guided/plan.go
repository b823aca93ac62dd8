package guided

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/drysim/drysim/sim"
)

// Settings are how a fresh draw schedules a run where no parent schedule
// says otherwise. Every run draws its own (as sim.Swarm does per seed).
type Settings struct {
	// Sticky is the chance to keep running the task that ran last, if it
	// still can: 0 is uniform random scheduling, near 1 a schedule with few
	// context switches (PCT's kind, without starving anyone).
	Sticky float64
	// Prio, if set, runs the runnable task with the highest random
	// priority, a random one with chance Prio (so no poll loop starves the
	// others), and demotes the running task at Changes decisions: PCT of
	// depth len(Changes)+1, made fair.
	Prio    float64
	Changes []int
	// Early is the chance, at each point where a timer may fire early, that
	// it does (sim.Config.EarlyTimers' rate).
	Early float64
	// Slow is the share of tasks picked slowWeight times less often.
	Slow float64
	// Hurried keeps Early past World.CalmAt. A liveness failure of such a
	// run may be the schedule's doing (timers that keep firing early slow
	// every task down), so the search does not count it
	// (Report.LivenessOnly); its safety violations count as any run's.
	Hurried bool
	salt    uint64
}

const slowWeight = 8

func (s Settings) String() string {
	mode := "random"
	if s.Hurried {
		mode = "hurried"
	}
	switch {
	case s.Prio > 0:
		mode = fmt.Sprintf("prio:%d", len(s.Changes)+1)
	case s.Sticky > 0:
		mode = fmt.Sprintf("sticky=%g", s.Sticky)
	}
	return fmt.Sprintf("%s early=%g slow=%g", mode, s.Early, s.Slow)
}

// Families of fresh settings: each is one arm of the search's bandit.
const (
	famRandom = iota // uniform random scheduling, mostly hurried
	famSticky        // few context switches
	famPrio          // PCT, made fair
	numFamilies
)

var familyNames = [numFamilies]string{"random", "sticky", "prio"}

// hurriedShare is how many random draws in hurriedOf are hurried. Measured
// on Drydock's 24 racy rows with their failpoints off, 100 seeds each,
// runs reproducing the race (go run ./cmd/hunttable -hit-rates 100): plain
// random at 1/32 1456 of 2400, hurried at 1/16 1816, at 1/8 2038, and
// no row much lower hurried but pending-overallocation naive, whose lease
// must outwait a pending build (8 of 100 at 1/8, 12 plain). A share of
// plain draws is kept as a hedge for such races (at 400 seeds the gap is
// within noise: 58 and 62 at 1/8 against random's 50 and 45). Coverage does not tell a
// hurried run from a plain one, so the share is fixed here rather than
// learnt by the bandit.
const hurriedShare, hurriedOf = 3, 4

// drawSettings draws a fresh run's settings of one family: the early-timer
// rate and the slow tasks vary in all of them, and most random draws are
// hurried (Settings.Hurried).
func drawSettings(rng *rand.Rand, family, horizon int) Settings {
	early := [...]float64{sim.DefaultEarlyTimers, sim.DefaultEarlyTimers, 0, 1.0 / 64, 1.0 / 8, 1.0 / 4, 1.0 / 2}
	slow := [...]float64{0, 0, 1.0 / 4, 1.0 / 2}
	s := Settings{Early: early[rng.IntN(len(early))], Slow: slow[rng.IntN(len(slow))], salt: rng.Uint64()}
	switch family {
	case famSticky:
		sticky := [...]float64{0.5, 0.9, 0.98}
		s.Sticky = sticky[rng.IntN(len(sticky))]
	case famPrio:
		prio := [...]float64{1.0 / 16, 1.0 / 128}
		s.Prio = prio[rng.IntN(len(prio))]
		for range rng.IntN(3) {
			s.Changes = append(s.Changes, rng.IntN(max(horizon, 1)))
		}
		slices.Sort(s.Changes)
	case famRandom:
		if rng.IntN(hurriedOf) < hurriedShare {
			// Timers keep firing early past CalmAt. Past 1/8 a liveness
			// phase under early timers rarely finishes (measured on
			// Drydock's fixed strategies: 2 of 40 runs fail at 1/8, 40 of
			// 40 at 1/4), and such runs count for nothing.
			hurried := [...]float64{1.0 / 16, 1.0 / 8}
			s.Early, s.Hurried = hurried[rng.IntN(len(hurried))], true
		}
	}
	return s
}

// Mutation says how a run's schedule derives from a corpus entry's.
type Mutation uint8

// Mutations of a parent schedule. Each follows the parent's decisions
// (the same task, where it can still run) except where it says.
const (
	// Fresh: no parent; the settings draw every decision.
	Fresh Mutation = iota
	// Redraw keeps the parent's first At decisions and draws the rest
	// afresh, with new settings.
	Redraw
	// Flip takes another choice at decision At, then follows the parent.
	Flip
	// Delay keeps the task the parent ran at decisions At..At+Len-1 from
	// running there (a preemption the parent did not have), then follows
	// the parent.
	Delay
	// Splice follows the parent up to At, then a second corpus entry of
	// the same seed.
	Splice
)

var mutationNames = [...]string{"fresh", "redraw", "flip", "delay", "splice"}

func (m Mutation) String() string { return mutationNames[m] }

// plan is one run of a search: its world seed, its settings, and the
// schedule it mutates.
type plan struct {
	run      int // 1-based
	seed     uint64
	settings Settings
	genSeed  uint64
	mut      Mutation
	arm      int // the bandit's arm that chose it
	at, len  int
	parent   *entry
	other    *entry
	chooser  *chooser // the run's, once it is made
}

func (p *plan) origin() string {
	if p.mut == Fresh {
		return "fresh draw, " + p.settings.String()
	}
	s := fmt.Sprintf("%s of run %d at decision %d", p.mut, p.parent.run, p.at)
	switch p.mut {
	case Delay:
		s += fmt.Sprintf(" for %d", p.len)
	case Splice:
		s += fmt.Sprintf(" with run %d", p.other.run)
	case Redraw:
		s += ", then " + p.settings.String()
	}
	return s
}

// scheduler is the run's sim.Chooser. It keeps its own state, so each run
// gets a new one.
func (p *plan) scheduler() sim.Scheduler {
	c := &chooser{p: p, rng: rand.New(rand.NewPCG(p.genSeed, 0x9e3779b97f4a7c15)), s: p.settings, last: -3}
	p.chooser = c
	return sim.Chooser{Choose: c.choose, Calm: c.calm}
}

type chooser struct {
	p      *plan
	rng    *rand.Rand
	s      Settings
	n      int   // decisions taken
	last   int32 // the task chosen last
	change int   // next of s.Changes
	demote map[int32]int
	calmed bool
	// hurried: the run went on firing timers early past CalmAt at more
	// than sim.DefaultEarlyTimers (Settings.Hurried).
	hurried bool
}

// calm ends the settings' schedule faults: timers fire early no more often
// than sim.Random fires them, and slow tasks run at the others' pace.
func (c *chooser) calm() {
	c.calmed = true
	if c.s.Hurried && c.s.Early > sim.DefaultEarlyTimers {
		c.hurried = true
		return
	}
	c.s.Early = min(c.s.Early, sim.DefaultEarlyTimers)
}

// follow returns the decision the parent schedule wants at decision i, if
// any.
func (c *chooser) follow(i int) (sim.Decision, bool) {
	p := c.p
	src := p.parent
	switch p.mut {
	case Fresh:
		return sim.Decision{}, false
	case Redraw:
		if i >= p.at {
			return sim.Decision{}, false
		}
	case Splice:
		if i >= p.at {
			src = p.other
		}
	}
	if i >= len(src.decisions) {
		return sim.Decision{}, false
	}
	return src.decisions[i], true
}

func (c *chooser) choose(opts []int32, fire bool) int {
	i := c.n
	c.n++
	d, ok := c.follow(i)
	avoid := int32(-3)
	switch {
	case c.p.mut == Flip && i == c.p.at && ok:
		avoid, ok = d.Task, false
	case c.p.mut == Delay && i >= c.p.at && i < c.p.at+c.p.len && ok:
		avoid, ok = d.Task, false
	}
	if ok {
		if k := indexOf(opts, fire, d.Task); k >= 0 {
			return c.took(opts, k)
		}
	}
	if avoid != -3 && (len(opts) > 1 || (fire && avoid != sim.FireTimer)) {
		// Anything but the parent's choice.
		n := len(opts)
		if fire {
			n++
		}
		for {
			k := c.rng.IntN(n)
			if k == len(opts) && avoid != sim.FireTimer || k < len(opts) && opts[k] != avoid {
				return c.took(opts, k)
			}
		}
	}
	return c.took(opts, c.draw(opts, fire))
}

func (c *chooser) took(opts []int32, k int) int {
	if k < len(opts) {
		c.last = opts[k]
	}
	return k
}

// draw picks by the settings.
func (c *chooser) draw(opts []int32, fire bool) int {
	s := &c.s
	if fire && s.Early > 0 && c.rng.Float64() < s.Early {
		return len(opts)
	}
	if s.Prio > 0 {
		return c.byPriority(opts)
	}
	if s.Sticky > 0 {
		if k := indexOf(opts, false, c.last); k >= 0 && c.rng.Float64() < s.Sticky {
			return k
		}
	}
	if s.Slow == 0 || c.calmed {
		return c.rng.IntN(len(opts))
	}
	total := 0
	for _, id := range opts {
		total += c.weight(id)
	}
	r := c.rng.IntN(total)
	for k, id := range opts {
		if r -= c.weight(id); r < 0 {
			return k
		}
	}
	return len(opts) - 1
}

func (c *chooser) weight(id int32) int {
	if c.slow(id) {
		return 1
	}
	return slowWeight
}

func (c *chooser) slow(id int32) bool {
	return c.s.Slow > 0 && float64(mix(c.s.salt, uint64(id))>>11)/(1<<53) < c.s.Slow
}

// byPriority is PCT made fair: the highest priority runs, unless a random
// task does (chance Prio); at each change point the task that ran last
// drops below everyone.
func (c *chooser) byPriority(opts []int32) int {
	for c.change < len(c.s.Changes) && c.s.Changes[c.change] <= c.n {
		if c.demote == nil {
			c.demote = map[int32]int{}
		}
		c.demote[c.last] = c.change + 1
		c.change++
	}
	if c.rng.Float64() < c.s.Prio {
		return c.rng.IntN(len(opts))
	}
	best, bestPrio := 0, uint64(0)
	for k, id := range opts {
		p := mix(c.s.salt, uint64(id)) >> 3
		if c.slow(id) {
			p >>= 2 // slow tasks lie below the others
		}
		if d := c.demote[id]; d > 0 {
			p = uint64(len(c.s.Changes) - d) // below every undemoted task
		}
		if k == 0 || p > bestPrio {
			best, bestPrio = k, p
		}
	}
	return best
}

// indexOf is the option that runs task id (len(opts) for a timer firing,
// if fire), or -1.
func indexOf(opts []int32, fire bool, id int32) int {
	if id == sim.FireTimer {
		if fire {
			return len(opts)
		}
		return -1
	}
	if k, ok := slices.BinarySearch(opts, id); ok {
		return k
	}
	return -1
}

// Scheduler schedules one run by these settings alone, as a fresh draw of
// a search does; genSeed seeds its choices.
func (s Settings) Scheduler(genSeed uint64) sim.Scheduler {
	p := &plan{settings: s, genSeed: genSeed}
	return p.scheduler()
}
