// Package verify explores every schedule of a small world up to a
// preemption bound (CHESS-style iterative context bounding, depth-first),
// with an optional partial-order reduction by sleep sets over what each
// step touched (sim.Footprint). It runs the world from scratch for every
// schedule: worlds are cheap, and nothing needs to be undone.
//
//	res, err := verify.Explore(verify.Config{Preemptions: 2, Reduction: true}, func(g sim.Guide) (bool, error) {
//		w := sim.New(sim.Config{Scheduler: g})
//		... // start tasks
//		return w.Run().Outcome != sim.Done, nil
//	})
//
// A schedule is the sequence of choices at every decision (a point at which
// two or more tasks can run). A preemption is a choice of another task
// while the task that reached the point could still run on; a choice after
// the running task blocked or ended is free. With Config.Delays the bound
// counts delays instead: every choice other than sim.Replay's fixed rule
// (keep the running task, else the lowest ID) costs one, free ones
// included, so k delays allow fewer schedules than k preemptions. A timer fires when no task can
// run; with Config.Timers the search also fires the earliest timer early
// wherever the world allows it (a timer due within its EarlyTimerWindow),
// and each early firing costs a preemption. Without it, the search covers
// every interleaving of the steps tasks take between timer firings, but no
// timeout that lands while a task could still run.
//
// # Reduction
//
// Two steps conflict when they touch the same kernel object, draw from the
// same PRNG stream, arm timers for the same instant, start tasks or name
// objects, or are both labelled points (sim.Point) unless both only read
// (Config.ReadOnly says which labels do). A Select conflicts with
// everything. Steps that do not conflict commute: running them in either
// order reaches the same state. With Config.Reduction, a task whose next
// step was already explored from an ancestor decision sleeps until a step
// that conflicts with it runs (Godefroid's sleep sets), and a run whose
// every runnable task sleeps ends at once: its schedule is equivalent to
// one already run.
//
// Plain sleep sets are exact for an unbounded search, but not under a
// preemption bound (Musuvathi and Qadeer, "Partial-order reduction for
// context-bounded state exploration", MSR-TR-2007-12; Coons et al.,
// "Bounded partial-order reduction", OOPSLA 2013): the explored schedule a
// pruned one is equivalent to may need more preemptions than the bound
// allows, and so may never have been run. Here a choice e explored at a
// decision before a choice c may sleep in c's subtree only if
//
//	cost(e) + [e's task could still run after its step] <= cost(c)
//
// where cost is 1 for a preemption (or a delay) and 0 otherwise; under
// delays the bracket counts as 1 even for a step that blocked, since only
// the lowest ID is free after a block. Then a schedule that
// runs c first and e's step later, after steps that commute with it, is
// equivalent to one that runs e's step first and then the same steps,
// which needs no more preemptions: moving e's step forward removes the
// switch into e's task later (and the one out of it, if it went on to
// run something else), and adds at most the switch out of it at the
// decision, which the condition pays for. So the reduced search reaches,
// within the bound, every state the full one does; a test checks it on
// small programs at bounds 0 to 3, and that plain sleep sets fail it.
// Without a bound the rule is plain sleep sets.
package verify

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/drysim/drysim/sim"
)

// Config says how far to search.
type Config struct {
	// Preemptions bounds the preemptions of a schedule; negative means no
	// bound.
	Preemptions int
	// Delays makes the bound count delays instead (delay-bounded
	// scheduling, Emmi, Qadeer and Rakamaric, POPL 2011): every choice other
	// than the fixed rule's (keep the running task, else the lowest ID:
	// sim.Replay's) costs one, a free choice after a block included. Fewer
	// schedules than the same number of preemptions allows, and a subset of
	// them.
	Delays bool
	// Reduction prunes schedules equivalent to explored ones (sleep sets).
	Reduction bool
	// Timers adds "fire the earliest timer now" to the choices wherever the
	// world allows it (sim.GuidePoint.Fire): a timeout landing in the
	// middle of someone's work. Each such firing costs one preemption.
	Timers bool
	// ReadOnly reports whether a labelled point only reads (two such points
	// commute); nil: every point may write.
	ReadOnly func(label string) bool
	// MaxSchedules and MaxTime cap the search (0: no cap); Stop, if set,
	// is asked before every run and ends the search when it returns true.
	MaxSchedules int
	MaxTime      time.Duration
	Stop         func() bool
}

// RunFunc runs one schedule: it makes a world whose Config.Scheduler is g,
// runs it and says whether the run violated what is being verified. It
// must be deterministic: the same choices must give the same run.
type RunFunc func(g sim.Guide) (failed bool, err error)

// Result is what a search did.
type Result struct {
	// Schedules are the runs of the last pass (at the bound itself) that
	// went to their end; Pruned the runs the reduction ended early as
	// equivalent to an explored schedule. Runs counts every run of every
	// pass (bounds 0, 1, ... up to the bound).
	Schedules, Pruned, Runs int
	// Bound is the preemption bound of the last pass: Config.Preemptions
	// unless a violation or a cap ended the search in an earlier pass.
	Bound int
	// Complete: every schedule within the bound was explored (or, with the
	// reduction, one of each equivalence class; see the package doc).
	Complete bool
	// Capped names the cap that ended an incomplete search ("" if none):
	// "max-schedules", "max-time" or "stopped".
	Capped string
	// Failed: a run failed; it was the last one run, so the caller still
	// holds it. FailedAt is its number among Runs, counting from 1.
	Failed   bool
	FailedAt int
	// FailPreemptions are the preemptions (early firings included) the
	// failing schedule used.
	FailPreemptions int
	// Decisions is the most decisions a run made; MaxPreemptions the most
	// preemptions a run used.
	Decisions, MaxPreemptions int
	Elapsed                   time.Duration
}

func (r *Result) String() string {
	verdict := "complete"
	switch {
	case r.Failed:
		verdict = fmt.Sprintf("violation at schedule %d", r.FailedAt)
	case !r.Complete:
		verdict = "incomplete: hit " + r.Capped
	}
	return fmt.Sprintf("%s: %d schedules and %d pruned at bound %d, %d runs in all, up to %d decisions, %v",
		verdict, r.Schedules, r.Pruned, r.Bound, r.Runs, r.Decisions, r.Elapsed.Round(time.Millisecond))
}

// ErrNondeterministic is returned when a run does not repeat the choices
// its prefix was recorded with.
var ErrNondeterministic = errors.New("verify: the run is not deterministic")

// entry is a choice made at a node and what its steps touched.
type entry struct {
	task  int32
	known bool // fp was seen (the run reached another decision)
	// blocked: the task could not run at the next decision (it blocked or
	// ended); see mayPutToSleep.
	blocked bool
	sum     summary // fp as the conflict rule reads it
}

type node struct {
	options []int32 // runnable tasks, and sim.FireTimer when firing is a choice
	current int32
	preempt int     // preemptions used before this node
	sleep   []entry // tasks asleep on arrival
	done    []entry // choices explored here, the last one the current
}

type search struct {
	cfg   Config
	stack []*node
	depth int
	stop  bool // this run was ended by the guide
	err   error
}

// Explore runs every schedule within the bound, depth first, and stops at
// the first that fails. Like CHESS's iterative context bounding it
// searches with no preemption first, then one, up to the bound, so a
// failure it finds needs as few preemptions as any. An error is run's own,
// or ErrNondeterministic.
func Explore(cfg Config, run RunFunc) (*Result, error) {
	res := &Result{}
	start := time.Now()
	defer func() { res.Elapsed = time.Since(start) }()
	bounds := []int{cfg.Preemptions}
	if cfg.Preemptions > 0 {
		bounds = nil
		for b := range cfg.Preemptions + 1 {
			bounds = append(bounds, b)
		}
	}
	for _, b := range bounds {
		pass := cfg
		pass.Preemptions = b
		res.Schedules, res.Pruned, res.Bound = 0, 0, b
		if err := explore(pass, run, res, start); err != nil || res.Failed || res.Capped != "" {
			return res, err
		}
	}
	res.Complete = true
	return res, nil
}

// explore is one pass of Explore at one bound; res.Runs counts on.
func explore(cfg Config, run RunFunc, res *Result, start time.Time) error {
	s := &search{cfg: cfg}
	guide := sim.Guide{Choose: s.choose}
	for {
		switch {
		case cfg.Stop != nil && cfg.Stop():
			res.Capped = "stopped"
		case cfg.MaxSchedules > 0 && res.Runs >= cfg.MaxSchedules:
			res.Capped = "max-schedules"
		case cfg.MaxTime > 0 && time.Since(start) >= cfg.MaxTime:
			res.Capped = "max-time"
		}
		if res.Capped != "" {
			return nil
		}
		s.depth, s.stop, s.err = 0, false, nil
		failed, err := run(guide)
		if err == nil {
			err = s.err
		}
		if err != nil {
			return err
		}
		res.Runs++
		res.Decisions = max(res.Decisions, s.depth)
		res.MaxPreemptions = max(res.MaxPreemptions, s.used())
		if s.stop {
			res.Pruned++
		} else {
			res.Schedules++
		}
		if failed && !s.stop {
			res.Failed, res.FailedAt, res.FailPreemptions = true, res.Runs, s.used()
			return nil
		}
		if !s.backtrack() {
			return nil
		}
	}
}

// mayPutToSleep reports whether e, a choice explored at n before chosen,
// may sleep in chosen's subtree under the bound: a schedule that runs
// chosen first and e's step later is then equivalent to one that runs e's
// step first and needs no more preemptions (see the package doc). That
// holds when cost(e) + [e's task could still run after its step] <=
// cost(chosen). Without a bound, plain sleep sets.
func (s *search) mayPutToSleep(n *node, e, chosen entry) bool {
	if s.cfg.Preemptions < 0 {
		return true
	}
	after := 0
	if !e.blocked || s.cfg.Delays {
		// Under delays, the choice after a block is free only for the
		// lowest ID: count it as paid.
		after = 1
	}
	return s.cost(n, e.task)+after <= s.cost(n, chosen.task)
}

// used is the preemptions of the schedule on the stack.
func (s *search) used() int {
	if len(s.stack) == 0 {
		return 0
	}
	last := s.stack[len(s.stack)-1]
	return last.preempt + s.cost(last, last.done[len(last.done)-1].task)
}

// cost is 1 if choosing task at n preempts the running task, or fires a
// timer early.
func (s *search) cost(n *node, task int32) int {
	if task == sim.FireTimer || (n.current >= 0 && task != n.current) {
		return 1
	}
	if s.cfg.Delays && n.current < 0 && task != n.options[0] {
		return 1 // not the lowest ID
	}
	return 0
}

func (s *search) allowed(n *node, task int32) bool {
	if s.cfg.Preemptions >= 0 && n.preempt+s.cost(n, task) > s.cfg.Preemptions {
		return false
	}
	return !slices.ContainsFunc(n.sleep, func(e entry) bool { return e.task == task }) &&
		!slices.ContainsFunc(n.done, func(e entry) bool { return e.task == task })
}

// order lists n's options as they are tried: the running task first (no
// preemption), then by ID.
func order(n *node) []int32 {
	out := make([]int32, 0, len(n.options))
	if n.current >= 0 {
		out = append(out, n.current)
	}
	for _, id := range n.options {
		if id != n.current {
			out = append(out, id)
		}
	}
	return out
}

func (s *search) next(n *node) (int32, bool) {
	for _, id := range order(n) {
		if s.allowed(n, id) {
			return id, true
		}
	}
	return 0, false
}

// choose is the guide: replay the stack's choices, then extend it.
func (s *search) choose(p *sim.GuidePoint) int {
	d := s.depth
	s.depth++
	if d > 0 {
		parent := s.stack[d-1]
		if c := &parent.done[len(parent.done)-1]; !c.known {
			c.known = true
			if s.cfg.Reduction {
				c.sum = s.summarize(p.Since)
			}
			c.blocked = c.task != sim.FireTimer && !slices.Contains(p.Options, c.task)
		}
	}
	if d < len(s.stack) {
		n := s.stack[d]
		if !slices.Equal(n.options, s.options(p)) || n.current != p.Current {
			s.err = fmt.Errorf("%w: decision %d (step %d) offers %v (running %d), first seen as %v (running %d)",
				ErrNondeterministic, d, p.Step, p.Options, p.Current, n.options, n.current)
			s.stop = true
			return -1
		}
		return s.index(p, n.done[len(n.done)-1].task)
	}
	n := &node{options: s.options(p), current: p.Current}
	if d > 0 {
		parent := s.stack[d-1]
		chosen := parent.done[len(parent.done)-1]
		n.preempt = parent.preempt + s.cost(parent, chosen.task)
		if s.cfg.Reduction {
			for _, e := range parent.sleep {
				if e.task != chosen.task && s.independent(e, chosen) {
					n.sleep = append(n.sleep, e)
				}
			}
			for _, e := range parent.done[:len(parent.done)-1] {
				if s.mayPutToSleep(parent, e, chosen) && s.independent(e, chosen) {
					n.sleep = append(n.sleep, e)
				}
			}
		}
	}
	id, ok := s.next(n)
	if !ok {
		// Every task that may run here sleeps: this schedule is
		// equivalent to one explored, or it needs a preemption too many.
		s.stop = true
		return -1
	}
	n.done = append(n.done, entry{task: id})
	s.stack = append(s.stack, n)
	return s.index(p, id)
}

// options are p's choices as node options: the tasks, then FireTimer.
func (s *search) options(p *sim.GuidePoint) []int32 {
	out := slices.Clone(p.Options)
	if s.cfg.Timers && p.Fire {
		out = append(out, sim.FireTimer)
	}
	return out
}

// index is the Guide's answer for choosing id.
func (s *search) index(p *sim.GuidePoint, id int32) int {
	if id == sim.FireTimer {
		return len(p.Options)
	}
	return slices.Index(p.Options, id)
}

// backtrack moves to the deepest node with a choice left; false when none
// is left anywhere.
func (s *search) backtrack() bool {
	for len(s.stack) > 0 {
		n := s.stack[len(s.stack)-1]
		if id, ok := s.next(n); ok {
			n.done = append(n.done, entry{task: id})
			return true
		}
		s.stack = s.stack[:len(s.stack)-1]
	}
	return false
}

// summary is a footprint as the conflict rule reads it, made once per
// choice: the reduction compares each new choice with every sleeping one.
type summary struct {
	any, names, tasks bool
	points            int8  // 0 none, 1 only reads, 2 a write
	keys              []key // objects, streams, timer instants: sorted
	ran               []int32
}

type key struct {
	space sim.Space
	id    int64
}

func (s *search) summarize(fp sim.Footprint) summary {
	var sum summary
	for _, a := range fp {
		switch a.Space {
		case sim.SpaceAny:
			sum.any = true
		case sim.SpaceNames:
			sum.names = true
		case sim.SpaceTasks:
			sum.tasks = true
		case sim.SpaceRan:
			sum.ran = append(sum.ran, int32(a.ID))
		case sim.SpacePoint:
			if s.cfg.ReadOnly != nil && s.cfg.ReadOnly(a.Name) {
				sum.points = max(sum.points, 1)
			} else {
				sum.points = 2
			}
		default:
			sum.keys = append(sum.keys, key{a.Space, a.ID})
		}
	}
	slices.SortFunc(sum.keys, compareKeys)
	sum.keys = slices.Compact(sum.keys)
	return sum
}

func compareKeys(a, b key) int { return cmp.Or(cmp.Compare(a.space, b.space), cmp.Compare(a.id, b.id)) }

// independent: the steps of a and b commute by the package doc's rule
// (two accesses conflict when they name the same object, stream or timer
// instant; when both start tasks or name objects; when both are labelled
// points and not both reads; a Select conflicts with everything), and
// neither task ran within the other's steps.
func (s *search) independent(a, b entry) bool {
	if !a.known || !b.known || a.task == sim.FireTimer || b.task == sim.FireTimer {
		return false
	}
	x, y := &a.sum, &b.sum
	switch {
	case x.any || y.any, x.names && y.names, x.tasks && y.tasks,
		x.points > 0 && y.points > 0 && max(x.points, y.points) == 2,
		slices.Contains(x.ran, b.task), slices.Contains(y.ran, a.task):
		return false
	}
	i, j := 0, 0
	for i < len(x.keys) && j < len(y.keys) {
		switch c := compareKeys(x.keys[i], y.keys[j]); {
		case c == 0:
			return false
		case c < 0:
			i++
		default:
			j++
		}
	}
	return true
}
