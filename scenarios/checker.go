package scenarios

import (
	"fmt"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
)

// maxViolations bounds what one run records; the first ones tell the story.
const maxViolations = 64

// checker validates the store after every committed step. It reads only the
// store, its audit log and the hoax's counts: it never asks the allocator
// what it meant to do.
type checker struct {
	w        *sim.World
	store    *allocator.Store
	hoax     *hoax.Hoax
	limit    int
	capacity int

	violations []Violation
	reported   map[string]bool        // invariant+object already reported
	lastStatus map[allocator.ID]uint8 // each lease's status as the audit chain says
	releases   map[allocator.ID]int   // release hooks per lease
	steals     int
	built      int
	stopOn     string // end the run at the first violation of this invariant
}

func newChecker(w *sim.World, store *allocator.Store, h *hoax.Hoax) *checker {
	cfg := h.Config()
	return &checker{
		w: w, store: store, hoax: h, limit: cfg.Limit, capacity: max(cfg.LeasesPerResource, 1),
		reported: map[string]bool{}, lastStatus: map[allocator.ID]uint8{}, releases: map[allocator.ID]int{},
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
	c.violations = append(c.violations, Violation{
		Invariant: inv, Objects: objs, Step: c.w.Step(), Time: c.w.Elapsed(), Detail: detail,
	})
	if inv == c.stopOn || (c.stopOn == StopOnAny && !isMeasured(inv)) {
		c.w.Stop("stopped at the first " + inv + " violation")
	}
}

// onCommit is the store observer: audit facts first, then the touched rows.
func (c *checker) onCommit(cm allocator.Commit) {
	for _, e := range cm.Audit {
		c.checkAudit(e)
	}
	for _, ref := range cm.Touched {
		switch ref.Kind {
		case allocator.KindResource:
			c.checkResource(ref.ID)
		case allocator.KindLease:
			c.checkLease(ref.ID)
		}
	}
}

func (c *checker) checkAudit(e allocator.AuditEntry) {
	switch e.Kind {
	case allocator.AuditLink:
		if !e.ResourceStatus.Live() {
			c.report(InvAcquireLiveResource, fmt.Sprintf("lease %d linked to resource %d while it was %s", e.Lease, e.Resource, e.ResourceStatus),
				allocator.LeaseRef(e.Lease), allocator.ResourceRef(e.Resource))
		}
	case allocator.AuditResourceRelease:
		if e.Cause == allocator.CauseReclaim && len(e.Live) > 0 {
			c.report(InvReclaimIdleOnly, fmt.Sprintf("reclaim released resource %d with leases %v linked to it", e.Resource, e.Live),
				allocator.ResourceRef(e.Resource))
		}
	case allocator.AuditHook:
		if e.Hook == allocator.HookDidReleaseLease {
			c.releases[e.Lease]++
			if n := c.releases[e.Lease]; n > 1 {
				c.report(InvReleaseOnce, fmt.Sprintf("release hook ran %d times for lease %d", n, e.Lease), allocator.LeaseRef(e.Lease))
			}
		}
	case allocator.AuditLeaseStatus:
		c.checkChain(e)
	case allocator.AuditSteal:
		c.steals++
	case allocator.AuditAllocate:
		c.built++
	}
}

// checkChain: each status change must start where the previous one ended.
func (c *checker) checkChain(e allocator.AuditEntry) {
	if last, seen := c.lastStatus[e.Lease]; seen && last != e.From {
		c.report(InvSingleWriter, fmt.Sprintf("lease %d written %s -> %s but the store held %s (a lost update)",
			e.Lease, allocator.LeaseStatus(e.From), allocator.LeaseStatus(e.To), allocator.LeaseStatus(last)), allocator.LeaseRef(e.Lease))
	}
	c.lastStatus[e.Lease] = e.To
	if allocator.LeaseStatus(e.To) == allocator.LeaseBroken {
		if l, err := c.store.PeekLease(e.Lease); err == nil && !l.BreakCause.Own() {
			c.report(InvBrokenOwnCause, fmt.Sprintf("lease %d broke because %s", e.Lease, l.BreakCause), allocator.LeaseRef(e.Lease))
		}
	}
}

func (c *checker) checkResource(id allocator.ID) {
	r, err := c.store.PeekResource(id)
	if err != nil {
		return
	}
	c.checkOrphanLocks(allocator.ResourceRef(id), r.Status == allocator.ResourceDestroyed)
	c.checkLimitAndBinding(r)
	c.store.EachLeaseOn(id, func(l *allocator.Lease) {
		if l.Status.Linked() {
			c.checkAttributes(l, r)
		}
	})
}

func (c *checker) checkLimitAndBinding(r allocator.Resource) {
	count := 0
	binding := r.Attributes.Value(hoax.AttrBinding)
	for o := range c.store.AllResources() {
		if o.Blueprint != r.Blueprint || o.Status == allocator.ResourceDestroyed {
			continue
		}
		count++
		if binding != "" && r.Status.Live() && o.ID != r.ID && o.Status.Live() && o.Attributes.Value(hoax.AttrBinding) == binding {
			c.report(InvBindingUnique, fmt.Sprintf("binding %s backs live resources %d and %d", binding, o.ID, r.ID),
				allocator.ResourceRef(min(o.ID, r.ID)), allocator.ResourceRef(max(o.ID, r.ID)))
		}
	}
	if c.limit > 0 && count > c.limit {
		c.report(InvBlueprintLimit, fmt.Sprintf("%d resources exist, limit %d", count, c.limit), allocator.ResourceRef(r.ID))
	}
}

func (c *checker) checkLease(id allocator.ID) {
	l, err := c.store.PeekLease(id)
	if err != nil {
		return
	}
	c.checkOrphanLocks(allocator.LeaseRef(id), l.Status == allocator.LeaseDestroyed)
	c.checkOwnPending(l)
	if !l.Status.Linked() {
		return
	}
	r, err := c.store.PeekResource(l.Resource)
	if err != nil {
		return
	}
	c.checkAttributes(&l, r)
	if n := c.linkedCount(r.ID); n > c.capacity {
		c.report(InvLeaseCapacity, fmt.Sprintf("%d leases linked to resource %d, capacity %d", n, r.ID, c.capacity), allocator.ResourceRef(r.ID))
	}
}

func (c *checker) checkOwnPending(l allocator.Lease) {
	pending := 0
	for _, rid := range l.Allocated {
		if r, err := c.store.PeekResource(rid); err == nil && r.Status == allocator.ResourcePending {
			pending++
		}
	}
	if pending > 1 {
		c.report(InvOnePendingAllocation, fmt.Sprintf("lease %d waits on %d pending resources it built (%v)", l.ID, pending, l.Allocated), allocator.LeaseRef(l.ID))
	}
}

func (c *checker) checkAttributes(l *allocator.Lease, r allocator.Resource) {
	if r.AttributesSet && !r.Attributes.Satisfies(l.Wants) {
		c.report(InvAttributesMatch, fmt.Sprintf("lease %d wants %s, its resource %d has %s", l.ID, l.Wants, r.ID, r.Attributes),
			allocator.LeaseRef(l.ID), allocator.ResourceRef(r.ID))
	}
}

func (c *checker) checkOrphanLocks(owner allocator.Ref, destroyed bool) {
	if !destroyed {
		return
	}
	if keys := c.store.PeekOwnedSlotLocks(owner); len(keys) > 0 {
		c.report(InvNoOrphanSlotLocks, fmt.Sprintf("destroyed %s still holds %v", owner, keys), owner)
	}
}

// linkedCount counts the acquired and active leases on a resource.
func (c *checker) linkedCount(rid allocator.ID) (n int) {
	c.store.EachLeaseOn(rid, func(l *allocator.Lease) {
		if l.Status.Linked() {
			n++
		}
	})
	return n
}

// checkQuiescent runs once the queue has drained.
func (c *checker) checkQuiescent() {
	for l := range c.store.AllLeases() {
		if l.Status.Linked() {
			if r, err := c.store.PeekResource(l.Resource); err == nil && r.Status != allocator.ResourceActive {
				c.report(InvNoLeaseOnDeadResource, fmt.Sprintf("lease %d is %s on resource %d, which is %s", l.ID, l.Status, r.ID, r.Status),
					allocator.LeaseRef(l.ID), allocator.ResourceRef(r.ID))
			}
		}
	}
	for l := range c.store.AllLeases() {
		// A lease still naming a resource when destroyed was linked to it at
		// release time, so its release hook must have run; broken leases are
		// destroyed without one.
		if l.Resource != 0 && l.Status == allocator.LeaseDestroyed && l.BreakCause == allocator.BreakNone && c.releases[l.ID] == 0 {
			c.report(InvReleaseOnce, fmt.Sprintf("lease %d was linked and released but its release hook never ran", l.ID), allocator.LeaseRef(l.ID))
		}
	}
}
