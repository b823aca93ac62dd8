package sim

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// Defaults for the budgets of a run. A budget is what turns a livelock or an
// endless poll loop into a finding instead of a hung test.
const (
	DefaultMaxSteps = 10_000_000
)

// Config describes one run. Two runs with equal Configs and equal task code
// produce equal traces: that is the contract the whole package keeps.
type Config struct {
	// Seed is the one number every random choice of the run derives from.
	Seed uint64
	// Scheduler chooses the next task at each scheduling point. Nil means
	// Random{}.
	Scheduler Scheduler
	// MaxSteps bounds the number of trace events. 0 means DefaultMaxSteps.
	MaxSteps int64
	// MaxTime bounds virtual time. 0 means no bound.
	MaxTime time.Duration
	// EarlyTimers is the probability, at each scheduling point while a timer
	// is pending, that the earliest timer fires before the chosen task runs:
	// the clock jumps to its deadline as if the running tasks were slow. 0
	// fires timers only when no task can run. It is part of the config, not
	// of the scheduler, so a replay knows where choices were made.
	EarlyTimers float64
	// EarlyTimerWindow bounds early firing to timers due within this much
	// virtual time: a task may be slow, not an hour slow. 0 means
	// DefaultEarlyTimerWindow.
	EarlyTimerWindow time.Duration
	// Trace keeps every event in memory (Result.Trace). The hash is computed
	// either way, so turning tracing on never changes the hash.
	Trace bool
	// Pool, if set, lends the world coroutines that earlier worlds left
	// parked, and takes them back when Run returns (see Pool). It is not
	// part of the run: results are the same with or without one.
	Pool *Pool
	// Barging makes every Mutex of the world barge, like sync.Mutex,
	// unless made with Barging(false): see Barging. Off, a Mutex hands
	// itself to its longest waiter.
	Barging bool
	// Decisions keeps every scheduling decision (Result.Decisions) for
	// Replay, replay files and shrinking. The seed alone already replays a
	// run exactly, so this is off by default: at millions of points per
	// second the log, not the scheduler, would dominate time and memory.
	Decisions bool
}

// DefaultEarlyTimerWindow is how far ahead an early firing may reach by
// default: longer than any lock wait, yield or latency drysim models.
const DefaultEarlyTimerWindow = 30 * time.Second

// DefaultEarlyTimers is the early-timer probability the exploration helpers
// use: high enough that a timeout lands mid-operation within a few hundred
// points, low enough that most steps run at a fixed clock.
const DefaultEarlyTimers = 1.0 / 32

// World is one simulated universe: tasks, a virtual clock, a PRNG and the
// objects tasks share. Exactly one task runs at a time. A World is not safe
// for use by several goroutines, but many Worlds can run in parallel because
// none of them touches package-level state.
type World struct {
	cfg      Config
	maxSteps int64
	sched    picker

	streams map[string]*rand.Rand
	// Object and label ids count up from 1; names, indexed by id, are kept
	// only for a trace to print. Without one, a world that makes a named
	// object per request stays as small as its live objects.
	nextObj int32
	names   []string
	labels  map[string]Label // interned labels

	// tasks holds the unfinished tasks in ID order (and finished ones until
	// the next compaction): memory follows live tasks, not history. IDs
	// keep counting, so replay decisions and hashes do not change.
	tasks    []*Task
	finished int // finished tasks still in tasks
	nextTask int32
	history  []*Task // every task, only when the run is recorded (Tasks)
	runnable []*Task
	live     int // tasks that have not finished
	timers   timerHeap
	timerSeq uint64
	epoch    time.Time // when virtual time 0 is; the same for every world
	now      time.Duration

	step      int64
	hash      uint64
	events    eventLog
	decisions []Decision
	misfits   int

	pool     *Pool
	ownsPool bool // a private pool, closed when Run returns

	current *Task
	next    *Task
	end     *ending
	result  *Result
	pauseAt time.Duration // RunUntil's bound
	// cycleDeadlocks: a waits-for cycle ends the run when it closes
	// (DeadlockOnCycle).
	cycleDeadlocks bool
	// calmAt is when the scheduler's own faults end (CalmAt), if armed.
	calmAt    time.Duration
	calmArmed bool
	paused    bool
	rethrow   any // a scheduler's panic, raised again from Run
	killing   bool
	// fp collects what steps touch, under a Guide only (nil otherwise).
	fp *footprints
}

// New makes a world from a config. It panics only on a config that no caller
// could mean (negative budgets); use Config.Validate to check user input.
func New(cfg Config) *World {
	if err := cfg.Validate(); err != nil {
		panic(err)
	}
	if cfg.Scheduler == nil {
		cfg.Scheduler = Random{}
	}
	w := &World{
		cfg:      cfg,
		maxSteps: cfg.MaxSteps,
		streams:  make(map[string]*rand.Rand),
		labels:   make(map[string]Label),
		nextObj:  1,
		hash:     hashSeed,
		epoch:    epoch(),
	}
	if w.maxSteps == 0 {
		w.maxSteps = DefaultMaxSteps
	}
	if cfg.Trace {
		w.names = []string{""}
	}
	if w.cfg.EarlyTimerWindow == 0 {
		w.cfg.EarlyTimerWindow = DefaultEarlyTimerWindow
	}
	if _, ok := cfg.Scheduler.(interface{ tracksFootprints() }); ok {
		w.fp = &footprints{labelNames: map[int32]string{}}
	}
	w.sched = cfg.Scheduler.newPicker(w.Rand("sched"))
	w.pool, w.ownsPool = cfg.Pool, cfg.Pool == nil
	if w.ownsPool {
		w.pool = NewPool()
	}
	return w
}

// Validate reports the first field of c that no run could use.
func (c Config) Validate() error {
	switch {
	case c.MaxSteps < 0:
		return fmt.Errorf("sim: MaxSteps %d is negative; want 0 (default %d) or more", c.MaxSteps, DefaultMaxSteps)
	case c.MaxTime < 0:
		return fmt.Errorf("sim: MaxTime %v is negative; want 0 (no bound) or more", c.MaxTime)
	case c.EarlyTimerWindow < 0:
		return fmt.Errorf("sim: EarlyTimerWindow %v is negative; want 0 (default %v) or more", c.EarlyTimerWindow, DefaultEarlyTimerWindow)
	case c.EarlyTimers < 0 || c.EarlyTimers > 1:
		return fmt.Errorf("sim: EarlyTimers %v is not a probability; want a value in [0, 1]", c.EarlyTimers)
	}
	if v, ok := c.Scheduler.(interface{ validate() error }); ok {
		return v.validate()
	}
	return nil
}

// Config returns the config the world was made from, with defaults applied.
func (w *World) Config() Config { return w.cfg }

// CalmAt ends, once virtual time reaches at, the faults a scheduler
// injects into the schedule itself, as a liveness phase ends every other
// fault (TigerBeetle's VOPR heals the network before it checks for
// progress): under swarm, timers stop firing early and slow tasks run at
// the others' pace, so a virtual-time budget measures the program, not a
// schedule that races the clock. It goes by the clock, not by a task, since
// the task that would call it may be the one the schedule starves. Other
// schedulers are fair already: CalmAt leaves them, and every trace, as
// they are.
func (w *World) CalmAt(at time.Duration) {
	w.calmAt, w.calmArmed = at, true
	w.calmIfDue()
}

// calmIfDue calms the scheduler once the clock has reached CalmAt's time.
func (w *World) calmIfDue() {
	if !w.calmArmed || w.now < w.calmAt {
		return
	}
	w.calmArmed = false
	if c, ok := w.sched.(interface{ calm() }); ok {
		c.calm()
	}
}

// Seed returns the world's seed.
func (w *World) Seed() uint64 { return w.cfg.Seed }

// Step returns the number of events so far.
func (w *World) Step() int64 { return w.step }

// register gives a named object its id. The name is hashed in so that two
// runs which create differently named objects in the same order still differ.
func (w *World) register(name string) int32 {
	id := w.nextObj
	w.nextObj++
	if w.cfg.Trace {
		w.names = append(w.names, name)
	}
	w.hash = mixString(w.hash, name)
	if w.fp != nil {
		w.fp.touch(Access{Space: SpaceNames})
	}
	return id
}

// Label names a user-defined scheduling point (see Point). Equal names give
// equal labels; labels are cheap to pass on every call.
type Label int32

// Label interns name.
func (w *World) Label(name string) Label {
	if l, ok := w.labels[name]; ok {
		return l
	}
	l := Label(w.register(name))
	w.labels[name] = l
	if w.fp != nil {
		w.fp.labelNames[int32(l)] = name
	}
	return l
}

// Current returns the running task, or nil outside a run.
func (w *World) Current() *Task { return w.current }

// Tasks returns the tasks started so far, in start order. A world that
// records its run (Config.Trace or Config.Decisions) lists every one, to
// name the tasks in a trace or a decision list; otherwise it forgets
// finished tasks, so memory follows live tasks, and Tasks lists only those
// still running (after Run: the ones the end of the run cut off).
func (w *World) Tasks() []*Task {
	if w.keepsHistory() {
		return w.history
	}
	var out []*Task
	for _, t := range w.tasks {
		if !t.Done() {
			out = append(out, t)
		}
	}
	return out
}

func (w *World) keepsHistory() bool { return w.cfg.Trace || w.cfg.Decisions }

// taskByID returns the unfinished task with this ID, or nil. tasks is in
// ID order, so a binary search finds it.
func (w *World) taskByID(id int32) *Task {
	i, ok := slices.BinarySearchFunc(w.tasks, id, func(t *Task, id int32) int { return cmp.Compare(t.id, id) })
	if !ok || w.tasks[i].state == taskDone {
		return nil
	}
	return w.tasks[i]
}

// compactTasks drops finished tasks from w.tasks once they are half of it,
// which keeps the cost per finished task constant.
func (w *World) compactTasks() {
	if w.killing || w.finished < 64 || 2*w.finished < len(w.tasks) {
		return
	}
	kept := slices.DeleteFunc(w.tasks, func(t *Task) bool { return t.state == taskDone })
	clear(w.tasks[len(kept):])
	w.tasks = kept
	w.finished = 0
}
