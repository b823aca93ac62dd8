package liveload

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/stores"
)

// Report is what a load run measured and found.
type Report struct {
	Config      Config
	Wall        time.Duration // how long requests arrived
	Interrupted bool          // the run was cut short (Ctrl-C)
	Drained     bool          // everything was released and the queue emptied within Drain
	Requested   int
	Activated   int
	// Throughput is leases activated per wall second of Wall.
	Throughput float64
	// ActivationP50 and P99: wall time from request to active.
	ActivationP50, ActivationP99 time.Duration
	// LockWaits are object-lock acquisitions (wall time); LockTimeouts
	// those that gave up.
	LockWaits                int
	LockWaitP99              time.Duration
	LockTimeouts             int
	DB                       stores.Stats // zero in memory
	UnreturnedDBErrors       int          // database errors a step had no way to return
	Queue                    allocator.QueueStats
	Leases, Resources        int
	Limit                    int // the hoax blueprint's resource limit in force
	AuditEntries             int
	Violations               []Violation // scenarios.LiveInvariants, from the audit log and the rows
	Leftovers                []Violation // what a clean stop left behind
	HeldLocks, UsedNamedLock int         // object locks still held: in process, and on the server
	Problems                 []string    // task panics, requester errors
}

// report dumps the store and checks it.
func (l *live) report(wall time.Duration, interrupted, drained bool) (*Report, error) {
	var d allocator.Dump
	var err error
	l.rt.Do(func() { d, err = l.a.Store().Dump() }) // a database read lets go of the step lock
	if err != nil {
		return nil, fmt.Errorf("reading the store back: %w", err)
	}
	r := &Report{Config: l.cfg, Wall: wall, Interrupted: interrupted, Drained: drained, Requested: l.d.requests, Activated: l.d.active}
	r.Throughput = float64(r.Activated) / wall.Seconds()
	ds := l.d.latency.snapshot()
	r.ActivationP50, r.ActivationP99 = allocator.Percentile(ds, 50), allocator.Percentile(ds, 99)
	m := l.a.Metrics()
	r.LockWaits, r.LockTimeouts = len(m.LockWaits), m.LockTimeouts
	r.LockWaitP99 = l.rt.Wall(allocator.Percentile(m.LockWaits, 99))
	r.UnreturnedDBErrors, r.Queue = l.a.Store().DBErrors(), l.a.QueueStats()
	r.Leases, r.Resources = len(d.Leases), len(d.Resources)
	quiescent := l.cfg.Check == CheckAll && drained
	r.Limit = l.h.Config().Limit
	if l.db != nil {
		l.chk.Replay(d) // an in-memory store's commits were observed as they happened
	}
	if quiescent {
		l.quiesce()
	}
	l.rt.Do(func() { r.Violations, r.AuditEntries = l.chk.Violations(), l.chk.Entries() })
	if quiescent {
		r.Leftovers = Leftovers(d)
	}
	r.HeldLocks = l.rt.HeldLocks()
	if l.db != nil {
		r.DB = l.db.Stats()
		r.HeldLocks += l.db.HeldNamedLocks()
		if l.db.NamedLocks() && quiescent {
			if r.UsedNamedLock, err = l.db.UsedNamedLocks(leaseIDs(d), resourceIDs(d)); err != nil {
				return nil, err
			}
		}
	}
	r.Problems = append(l.rt.Panics(), l.d.errs...)
	return r, nil
}

// quiesce checks the quiescent invariants of a run that drained, telling
// the checker first which leases their requesters gave up on. An
// in-memory store's rows are read under the step lock.
func (l *live) quiesce() {
	l.rt.Do(func() {
		for _, id := range l.d.abandoned {
			l.chk.Abandoned(id)
		}
		l.chk.Quiescent()
	})
}

func leaseIDs(d allocator.Dump) (out []allocator.ID) {
	for _, l := range d.Leases {
		out = append(out, l.ID)
	}
	return out
}

func resourceIDs(d allocator.Dump) (out []allocator.ID) {
	for _, r := range d.Resources {
		out = append(out, r.ID)
	}
	return out
}

// Held reports whether the run broke an invariant, left something behind
// or hit a problem.
func (r *Report) Held() bool {
	return len(r.Violations) == 0 && len(r.Leftovers) == 0 && r.HeldLocks == 0 && r.UsedNamedLock == 0 && len(r.Problems) == 0
}

// Print writes the report.
func (r *Report) Print(w io.Writer) {
	c := r.Config
	fmt.Fprintf(w, "load       %s on %s, %d workers, %.0f leases/s requested for %v (time scale %g, scenario %s, limit %d)\n",
		c.Strategy, c.Store, c.Workers, c.Rate, r.Wall.Round(time.Millisecond), c.TimeScale, c.Scenario, r.Limit)
	if r.Interrupted {
		fmt.Fprintln(w, "stopped    interrupted: requesters released what they held")
	}
	fmt.Fprintf(w, "leases     %d requested, %d active, %.1f leases/s\n", r.Requested, r.Activated, r.Throughput)
	fmt.Fprintf(w, "activation p50 %v  p99 %v (wall, request to active)\n", r.ActivationP50.Round(time.Microsecond), r.ActivationP99.Round(time.Microsecond))
	fmt.Fprintf(w, "locks      %d object-lock waits, p99 %v, %d timed out\n", r.LockWaits, r.LockWaitP99.Round(time.Microsecond), r.LockTimeouts)
	fmt.Fprintf(w, "queue      %d runs, %d yields, %d failures (retried), %d permanent\n", r.Queue.Runs, r.Queue.Yields, r.Queue.Failures, r.Queue.Permanent)
	if c.Store.Kind != stores.Memory {
		s := r.DB
		fmt.Fprintf(w, "database   %d transactions, %d rolled back; %d deadlocks, %d lock-wait timeouts, %d busy, %d reads retried, %d other errors, %d named-lock timeouts, %d errors a step could not return\n",
			s.Transactions, s.Rollbacks, s.Deadlocks, s.LockWaitTimeouts, s.Busy, s.Retries, s.Errors, s.NamedLockTimeouts, r.UnreturnedDBErrors)
	}
	fmt.Fprintf(w, "store      %d leases, %d resources, %d audit entries checked\n", r.Leases, r.Resources, r.AuditEntries)
	r.printVerdict(w)
	fmt.Fprintln(w, r.Summary())
}

// Summary is the report on one line of key=value fields, for scripts.
func (r *Report) Summary() string {
	verdict := "held"
	if !r.Held() {
		verdict = fmt.Sprintf("broken(%d)", len(r.Violations)+len(r.Leftovers)+len(r.Problems)+r.HeldLocks+r.UsedNamedLock)
	}
	return fmt.Sprintf("summary store=%s strategy=%s workers=%d leases_per_s=%.1f activation_p50=%v activation_p99=%v lock_waits=%d lock_timeouts=%d deadlocks=%d lock_wait_timeouts=%d busy=%d retries=%d db_errors=%d named_lock_timeouts=%d verdict=%s",
		r.Config.Store.Kind, r.Config.Strategy, r.Config.Workers, r.Throughput, r.ActivationP50.Round(time.Microsecond), r.ActivationP99.Round(time.Microsecond),
		r.LockWaits, r.LockTimeouts, r.DB.Deadlocks, r.DB.LockWaitTimeouts, r.DB.Busy, r.DB.Retries, r.DB.Errors, r.DB.NamedLockTimeouts, verdict)
}

func (r *Report) printVerdict(w io.Writer) {
	scope := "every live invariant (audit log and end state)"
	switch {
	case r.Config.Check == CheckSafety:
		scope = "the audit log's invariants (end state left to the fleet's last check)"
	case !r.Drained:
		scope = "the audit log's invariants (the run did not drain, so not the end state)"
	}
	if r.Held() {
		fmt.Fprintf(w, "invariants held: %s\n", scope)
		return
	}
	fmt.Fprintf(w, "invariants BROKEN (%s):\n", scope)
	for _, v := range append(append([]Violation(nil), r.Violations...), r.Leftovers...) {
		fmt.Fprintf(w, "  %s\n", describe(v))
	}
	if r.HeldLocks+r.UsedNamedLock > 0 {
		fmt.Fprintf(w, "  %s: %d object locks still held in this process, %d on the server\n", InvNothingLeft, r.HeldLocks, r.UsedNamedLock)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(w, "  problem: %s\n", strings.SplitN(p, "\n", 2)[0])
	}
}
