package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// maxViolations bounds what one run records; the first ones tell the story.
const maxViolations = 64

// StopOnAny, as a stop-on invariant, ends a run at its first violation of
// any invariant that is not merely measured.
const StopOnAny = "any"

// checker validates the store after every committed step, calling the
// hooks of Invariants. It reads only the audit log, the rows (checkRows)
// and the hoax's configuration: it never asks the allocator what it meant
// to do. The same checker watches a simulated run (a sim.World, the
// store's rows, every invariant) and a live one (LiveChecker: a commit
// counter for steps, a store's or a dump's rows, LiveInvariants).
type checker struct {
	w        world
	rows     checkRows
	limit    int
	capacity int
	hooks    hooks

	violations []Violation
	reported   map[string]bool      // invariant+object already reported
	facts      *facts               // what the audit log has said so far
	releases   map[allocator.ID]int // release hooks per lease
	suspects   map[allocator.ID][]suspect
	abandoned  map[allocator.ID]bool // leases their requesters gave up on
	// expiryGrace is how late an expired lease may end: a worker that
	// misses the lease's lock retries RetryAfter later.
	expiryGrace time.Duration
	reclaimIdle time.Duration // canReclaimResource's 3 minutes, as configured
	steals      int
	built       int
	stopOn      string          // end the run at the first violation of this invariant
	notify      func(Violation) // if set, told of each violation as it is recorded
}

// world is what the checker needs of the run it watches: when a violation
// happened (a step and a time since the run began) and a way to end the
// run at the first one. A *sim.World is one; a live run's is a liveClock.
type world interface {
	Step() int64
	Elapsed() time.Duration
	Stop(reason string)
}

// suspect is a build that may have been needless: lease built resource
// while other, an active resource with room, had no attributes yet.
type suspect struct{ lease, built allocator.ID }

// hooks are the invariants' checks, by the moment they run, in table order.
type hooks struct {
	audit      []func(*checker, allocator.AuditEntry)
	commit     []func(*checker, allocator.Commit)
	resource   []func(*checker, allocator.Resource)
	lease      []func(*checker, allocator.Lease)
	quiescence []func(*checker)
	deadline   []func(*checker, liveness)
}

func collectHooks(invs []Invariant) hooks {
	var h hooks
	for _, inv := range invs {
		if inv.onAudit != nil {
			h.audit = append(h.audit, inv.onAudit)
		}
		if inv.atCommit != nil {
			h.commit = append(h.commit, inv.atCommit)
		}
		if inv.onResource != nil {
			h.resource = append(h.resource, inv.onResource)
		}
		if inv.onLease != nil {
			h.lease = append(h.lease, inv.onLease)
		}
		if inv.atQuiescence != nil {
			h.quiescence = append(h.quiescence, inv.atQuiescence)
		}
		if inv.atDeadline != nil {
			h.deadline = append(h.deadline, inv.atDeadline)
		}
	}
	return h
}

// newChecker watches a run through w, reading rows from rows, against
// the hoax blueprint's limit and lease capacity, with every invariant's
// hooks (LiveChecker narrows them to LiveInvariants).
func newChecker(w world, rows checkRows, cfg hoax.Config, stopOn string) *checker {
	return &checker{
		w: w, rows: rows, limit: cfg.Limit, capacity: max(cfg.LeasesPerResource, 1), hooks: collectHooks(Invariants()),
		reported: map[string]bool{}, facts: newFacts(), releases: map[allocator.ID]int{}, suspects: map[allocator.ID][]suspect{},
		abandoned: map[allocator.ID]bool{}, stopOn: stopOn,
	}
}

func (c *checker) report(inv string, detail string, objs ...allocator.Ref) {
	key := inv
	if len(objs) > 0 {
		key += objs[0].String()
	}
	if c.reported[key] || len(c.violations) >= maxViolations {
		return
	}
	c.reported[key] = true
	v := Violation{Invariant: inv, Objects: objs, Step: c.w.Step(), Time: c.w.Elapsed(), Detail: detail}
	c.violations = append(c.violations, v)
	if c.notify != nil {
		c.notify(v)
	}
	if inv == c.stopOn || (c.stopOn == StopOnAny && !IsMeasured(inv)) {
		c.w.Stop("stopped at the first " + inv + " violation")
	}
}

// onCommit is the store observer: audit facts first (each checked against
// what was known before it, then learned), then the touched rows.
func (c *checker) onCommit(cm allocator.Commit) {
	for _, e := range cm.Audit {
		c.count(e)
		for _, check := range c.hooks.audit {
			check(c, e)
		}
		c.facts.learn(e, c.row)
		if e.Kind == allocator.AuditResourceStatus {
			c.facts.measure(c.facts.blueprintOf[e.Resource], c.limit, c.w.Elapsed(), c.w.Step())
		}
	}
	for _, check := range c.hooks.commit {
		check(c, cm)
	}
	for _, ref := range cm.Touched {
		switch ref.Kind {
		case allocator.KindResource:
			if r, ok := c.rows.resource(ref.ID); ok {
				for _, check := range c.hooks.resource {
					check(c, r)
				}
			}
		case allocator.KindLease:
			if l, ok := c.rows.lease(ref.ID); ok {
				for _, check := range c.hooks.lease {
					check(c, l)
				}
			}
		}
	}
}

// row reads a resource as stored now, for the facts that never change
// once it is saved.
func (c *checker) row(id allocator.ID) (allocator.Resource, bool) { return c.rows.resource(id) }

// count keeps the metrics the audit log gives. A steal is a link to a
// resource another lease built and is still waiting for (pending).
func (c *checker) count(e allocator.AuditEntry) {
	switch e.Kind {
	case allocator.AuditLink:
		if b := c.facts.builtBy[e.Resource]; b != 0 && b != e.Lease && c.facts.leaseStatus[b] == allocator.LeasePending {
			c.steals++
		}
	case allocator.AuditAllocate:
		c.built++
	}
}

// checkQuiescent runs once the queue has drained.
func (c *checker) checkQuiescent() {
	for _, check := range c.hooks.quiescence {
		check(c)
	}
}

// checkDeadline runs when the liveness budget ran out.
func (c *checker) checkDeadline(l liveness) {
	for _, check := range c.hooks.deadline {
		check(c, l)
	}
}
