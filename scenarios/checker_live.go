package scenarios

import (
	"slices"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// LiveCheck is what a live run's checker needs to know of the run.
type LiveCheck struct {
	// Hoax is the hoax blueprint's configuration in force: its limit and
	// leases per resource.
	Hoax hoax.Config
	// Timings are the allocator's (reclaim-rules reads ReclaimIdle).
	Timings allocator.Timings
	// OnViolation, if set, is told of each violation as the checker
	// records it, inside the commit that showed it: the stress baseline
	// ends its round at the first of a race.
	OnViolation func(Violation)
}

// LiveChecker is the simulator's checker driven by a live run (drysim
// load, the stress baseline): the same facts and the same hooks, those of
// LiveInvariants, fed commits in commit order.
//
// Observe feeds it an in-memory store's commits as they happen: that
// store calls its observer inside the commit, under the runtime's step
// lock, so in commit order, and the rows it reads are the store's then,
// as in the simulator. A database store calls its observer only after the
// commit, once the task has the step lock back, so two tasks' observers
// may run in the other order than their commits, and a fleet's other
// processes' commits never reach it; its audit table is in commit order
// for every process (a transaction writes its entries last, after every
// row lock it takes), so Replay reads it after the run, commit by commit.
//
// A violation's Step is the number of the commit that showed it (of those
// that wrote to the audit log, so that observing and replaying one run
// agree) and its Time the model time since the first audit entry read.
// Nothing stops the run: OnViolation may.
type LiveChecker struct {
	chk     *checker
	clock   *liveClock
	entries int
}

// NewLiveChecker makes a checker for a live run; Observe or Replay feeds it.
func NewLiveChecker(cfg LiveCheck) *LiveChecker {
	clock := &liveClock{}
	c := newChecker(clock, nil, cfg.Hoax, "")
	c.hooks = collectHooks(LiveInvariants())
	c.expiryGrace = cfg.Timings.RetryAfter + time.Minute
	c.reclaimIdle = cfg.Timings.ReclaimIdle
	c.notify = cfg.OnViolation
	return &LiveChecker{chk: c, clock: clock}
}

// Observe makes the checker s's observer, reading s's rows as each commit
// leaves them. Call it before the run starts, holding the step lock; s must
// keep its rows in memory (see LiveChecker).
func (lc *LiveChecker) Observe(s *allocator.Store) {
	lc.chk.rows = storeRows{s}
	s.Observe(lc.commit)
}

// Replay checks a dump's audit log commit by commit (each ends at an
// entry marked EndsCommit; entries after the last mark make one more),
// reading the dump's rows as the replay reaches each commit.
func (lc *LiveChecker) Replay(d allocator.Dump) {
	rows := newDumpRows(d)
	lc.chk.rows = rows
	start := 0
	for i, e := range d.Audit {
		if !e.EndsCommit && i < len(d.Audit)-1 {
			continue
		}
		rows.replayed = i
		entries := d.Audit[start : i+1]
		lc.commit(allocator.Commit{Label: "replay", Touched: touchedBy(entries), Audit: entries})
		start = i + 1
	}
}

func (lc *LiveChecker) commit(cm allocator.Commit) {
	lc.clock.advance(cm.Audit)
	lc.entries += len(cm.Audit)
	lc.chk.onCommit(cm)
}

// Abandoned records that lease id's requester gave up on it: at
// quiescence abandoned-ended requires it ended.
func (lc *LiveChecker) Abandoned(id allocator.ID) { lc.chk.abandoned[id] = true }

// Quiescent runs the quiescent checks. Call it once the run has drained
// (every requester returned, the queue empty), after Replay or, when
// observing, holding the step lock.
func (lc *LiveChecker) Quiescent() { lc.chk.checkQuiescent() }

// Violations returns what was found so far, first first.
func (lc *LiveChecker) Violations() []Violation { return slices.Clone(lc.chk.violations) }

// Entries is how many audit entries the checker has read.
func (lc *LiveChecker) Entries() int { return lc.entries }

// touchedBy lists the rows a replayed commit's entries name, as a store
// lists those a commit wrote (Commit.Touched), each once: resources whose
// status or attributes changed, leases whose status or link did. The log
// does not name a row saved without an entry, and no row hook needs it:
// a row first breaks an invariant in a commit that changed its status or
// attributes, which names it.
func touchedBy(entries []allocator.AuditEntry) []allocator.Ref {
	var out []allocator.Ref
	add := func(r allocator.Ref) {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	for _, e := range entries {
		switch e.Kind {
		case allocator.AuditResourceStatus, allocator.AuditAttributes:
			add(allocator.ResourceRef(e.Resource))
		case allocator.AuditLeaseStatus, allocator.AuditLink:
			add(allocator.LeaseRef(e.Lease))
		}
	}
	return out
}

// liveClock is a live run's world for the checker: the commits read so
// far stand in for steps, and their audit entries' model time for the
// world's clock. Stop does nothing: a live run is its caller's to stop.
type liveClock struct {
	commits     int64
	first, last time.Time
}

// advance moves the clock to a commit that wrote entries.
func (l *liveClock) advance(entries []allocator.AuditEntry) {
	if len(entries) == 0 {
		return
	}
	l.commits++
	l.last = entries[len(entries)-1].Time
	if l.first.IsZero() {
		l.first = entries[0].Time
	}
}

func (l *liveClock) Step() int64            { return l.commits }
func (l *liveClock) Elapsed() time.Duration { return l.last.Sub(l.first) }
func (l *liveClock) Stop(string)            {}
