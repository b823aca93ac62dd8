package scenarios

import (
	"fmt"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// The checks of Invariants, in table order. Each reads the store and the
// audit entry or row it is handed.

func checkOrphanResource(c *checker, r allocator.Resource) {
	c.checkOrphanLocks(allocator.ResourceRef(r.ID), r.Status == allocator.ResourceDestroyed)
}

func checkOrphanLease(c *checker, l allocator.Lease) {
	c.checkOrphanLocks(allocator.LeaseRef(l.ID), l.Status == allocator.LeaseDestroyed)
}

func (c *checker) checkOrphanLocks(owner allocator.Ref, destroyed bool) {
	if !destroyed {
		return
	}
	if keys := c.store.PeekOwnedSlotLocks(owner); len(keys) > 0 {
		c.report(InvNoOrphanSlotLocks, fmt.Sprintf("destroyed %s still holds %v", owner, keys), owner)
	}
}

func checkBindingUnique(c *checker, r allocator.Resource) {
	binding := r.Attributes.Value(hoax.AttrBinding)
	if binding == "" || !r.Status.Live() {
		return
	}
	for o := range c.store.AllResources() {
		if o.Blueprint == r.Blueprint && o.ID != r.ID && o.Status.Live() && o.Attributes.Value(hoax.AttrBinding) == binding {
			c.report(InvBindingUnique, fmt.Sprintf("binding %s backs live resources %d and %d", binding, o.ID, r.ID),
				allocator.ResourceRef(min(o.ID, r.ID)), allocator.ResourceRef(max(o.ID, r.ID)))
		}
	}
}

// checkBlueprintLimit: a new resource takes a place that counts against
// the limit from its first save until its slot locks are freed (which
// Drydock does before it saves the resource destroyed).
func checkBlueprintLimit(c *checker, e allocator.AuditEntry) {
	if c.limit <= 0 || e.Kind != allocator.AuditResourceStatus || e.From != 0 {
		return
	}
	r, ok := c.row(e.Resource)
	if !ok {
		return
	}
	if n := c.facts.holding[r.Blueprint] + 1; n > c.limit {
		c.report(InvBlueprintLimit, fmt.Sprintf("%d resources hold a place under the limit %d (saved, slot locks not yet freed)", n, c.limit), allocator.ResourceRef(r.ID))
	}
}

// checkOnePending: when a lease's new resource is saved pending, no other
// resource it built may still be pending.
func checkOnePending(c *checker, e allocator.AuditEntry) {
	if e.Kind != allocator.AuditResourceStatus || e.From != 0 || allocator.ResourceStatus(e.To) != allocator.ResourcePending {
		return
	}
	lease := c.facts.builtBy[e.Resource]
	if n := c.facts.pendingBuilt(lease); lease != 0 && n >= 1 {
		c.report(InvOnePendingAllocation, fmt.Sprintf("lease %d waits on %d pending resources it built (%v)", lease, n+1, c.facts.built[lease]), allocator.LeaseRef(lease))
	}
}

// checkStatusTransitions: every status change the audit log records is one
// the status tables allow (a row's first status included).
func checkStatusTransitions(c *checker, e allocator.AuditEntry) {
	var err error
	switch e.Kind {
	case allocator.AuditLeaseStatus:
		from, to := allocator.LeaseStatus(e.From), allocator.LeaseStatus(e.To)
		if from != 0 || to != allocator.LeasePending {
			err = allocator.CheckLeaseTransition(from, to)
		}
		if err != nil {
			c.report(InvStatusTransitions, fmt.Sprintf("lease %d: %v", e.Lease, err), allocator.LeaseRef(e.Lease))
		}
	case allocator.AuditResourceStatus:
		from, to := allocator.ResourceStatus(e.From), allocator.ResourceStatus(e.To)
		if from != 0 || !to.Live() {
			err = allocator.CheckResourceTransition(from, to)
		}
		if err != nil {
			c.report(InvStatusTransitions, fmt.Sprintf("resource %d: %v", e.Resource, err), allocator.ResourceRef(e.Resource))
		}
	}
}

// checkNeedlessBuild: when a lease builds, note every active resource of
// the blueprint with room that has no attributes yet; if its attributes,
// once set, would have served the lease, the build was needless.
func checkNeedlessBuild(c *checker, e allocator.AuditEntry) {
	switch e.Kind {
	case allocator.AuditAllocate:
		suspectNeedlessBuild(c, e)
	case allocator.AuditAttributes:
		judgeNeedlessBuilds(c, e)
	}
}

func suspectNeedlessBuild(c *checker, e allocator.AuditEntry) {
	bp := c.facts.blueprintOf[e.Resource]
	if r, ok := c.row(e.Resource); ok {
		bp = r.Blueprint
	}
	for rid := range c.facts.unattributed { //drysim:order-independent: each suspect is kept on its own resource
		if c.facts.blueprintOf[rid] == bp && c.facts.resStatus[rid] == allocator.ResourceActive && c.facts.linkedTo(rid) < c.capacity {
			c.suspects[rid] = append(c.suspects[rid], suspect{lease: e.Lease, built: e.Resource})
		}
	}
}

func judgeNeedlessBuilds(c *checker, e allocator.AuditEntry) {
	r, ok := c.row(e.Resource)
	if !ok {
		return
	}
	for _, s := range c.suspects[e.Resource] {
		if l, err := c.store.PeekLease(s.lease); err == nil && r.Attributes.Satisfies(l.Wants) {
			c.report(InvNeedlessBuild, fmt.Sprintf("lease %d built resource %d while resource %d, active with room, would have served it once its attributes were set", s.lease, s.built, e.Resource),
				allocator.LeaseRef(s.lease), allocator.ResourceRef(e.Resource))
		}
	}
	delete(c.suspects, e.Resource)
}

func checkAttributesOfLeases(c *checker, r allocator.Resource) {
	c.store.EachLeaseOn(r.ID, func(l *allocator.Lease) {
		if l.Status.Linked() {
			c.checkAttributes(l, r)
		}
	})
}

func checkAttributesOfResource(c *checker, l allocator.Lease) {
	if !l.Status.Linked() {
		return
	}
	if r, err := c.store.PeekResource(l.Resource); err == nil {
		c.checkAttributes(&l, r)
	}
}

func (c *checker) checkAttributes(l *allocator.Lease, r allocator.Resource) {
	if r.AttributesSet && !r.Attributes.Satisfies(l.Wants) {
		c.report(InvAttributesMatch, fmt.Sprintf("lease %d wants %s, its resource %d has %s", l.ID, l.Wants, r.ID, r.Attributes),
			allocator.LeaseRef(l.ID), allocator.ResourceRef(r.ID))
	}
}

func checkCapacity(c *checker, l allocator.Lease) {
	if !l.Status.Linked() {
		return
	}
	if _, err := c.store.PeekResource(l.Resource); err != nil {
		return
	}
	n := 0
	c.store.EachLeaseOn(l.Resource, func(o *allocator.Lease) {
		if o.Status.Linked() {
			n++
		}
	})
	if n > c.capacity {
		c.report(InvLeaseCapacity, fmt.Sprintf("%d leases linked to resource %d, capacity %d", n, l.Resource, c.capacity), allocator.ResourceRef(l.Resource))
	}
}

func checkNoLeaseOnDead(c *checker) {
	for l := range c.store.AllLeases() {
		if !l.Status.Linked() {
			continue
		}
		if r, err := c.store.PeekResource(l.Resource); err == nil && r.Status != allocator.ResourceActive {
			c.report(InvNoLeaseOnDeadResource, fmt.Sprintf("lease %d is %s on resource %d, which is %s", l.ID, l.Status, r.ID, r.Status),
				allocator.LeaseRef(l.ID), allocator.ResourceRef(r.ID))
		}
	}
}

func checkAcquireLive(c *checker, e allocator.AuditEntry) {
	if e.Kind == allocator.AuditLink && !e.ResourceStatus.Live() {
		c.report(InvAcquireLiveResource, fmt.Sprintf("lease %d linked to resource %d while it was %s", e.Lease, e.Resource, e.ResourceStatus),
			allocator.LeaseRef(e.Lease), allocator.ResourceRef(e.Resource))
	}
}

func checkReclaimIdle(c *checker, e allocator.AuditEntry) {
	if e.Kind == allocator.AuditResourceRelease && e.Cause == allocator.CauseReclaim && len(e.Live) > 0 {
		c.report(InvReclaimIdleOnly, fmt.Sprintf("reclaim released resource %d with leases %v linked to it", e.Resource, e.Live),
			allocator.ResourceRef(e.Resource))
	}
}

func countReleaseHooks(c *checker, e allocator.AuditEntry) {
	if e.Kind != allocator.AuditHook || e.Hook != allocator.HookDidReleaseLease {
		return
	}
	c.releases[e.Lease]++
	if n := c.releases[e.Lease]; n > 1 {
		c.report(InvReleaseOnce, fmt.Sprintf("release hook ran %d times for lease %d", n, e.Lease), allocator.LeaseRef(e.Lease))
	}
}

// checkEveryReleaseHookRan: a lease still naming a resource when destroyed
// was linked to it at release time, so its release hook must have run;
// broken leases are destroyed without one.
func checkEveryReleaseHookRan(c *checker) {
	for l := range c.store.AllLeases() {
		if l.Resource != 0 && l.Status == allocator.LeaseDestroyed && l.BreakCause == allocator.BreakNone && c.releases[l.ID] == 0 {
			c.report(InvReleaseOnce, fmt.Sprintf("lease %d was linked and released but its release hook never ran", l.ID), allocator.LeaseRef(l.ID))
		}
	}
}

// checkStatusChain: each status change of a lease or a resource must start
// where the previous one ended; a write based on a stale read breaks it.
func checkStatusChain(c *checker, e allocator.AuditEntry) {
	switch e.Kind {
	case allocator.AuditLeaseStatus:
		if last, seen := c.facts.leaseStatus[e.Lease]; seen && last != allocator.LeaseStatus(e.From) {
			c.report(InvSingleWriter, fmt.Sprintf("lease %d written %s -> %s but the store held %s (a lost update)",
				e.Lease, allocator.LeaseStatus(e.From), allocator.LeaseStatus(e.To), last), allocator.LeaseRef(e.Lease))
		}
	case allocator.AuditResourceStatus:
		if last, seen := c.facts.resStatus[e.Resource]; seen && last != allocator.ResourceStatus(e.From) {
			c.report(InvSingleWriter, fmt.Sprintf("resource %d written %s -> %s but the store held %s (a lost update)",
				e.Resource, allocator.ResourceStatus(e.From), allocator.ResourceStatus(e.To), last), allocator.ResourceRef(e.Resource))
		}
	}
}

func checkBrokenCause(c *checker, e allocator.AuditEntry) {
	if e.Kind != allocator.AuditLeaseStatus || allocator.LeaseStatus(e.To) != allocator.LeaseBroken {
		return
	}
	if l, err := c.store.PeekLease(e.Lease); err == nil && !l.BreakCause.Own() {
		c.report(InvBrokenOwnCause, fmt.Sprintf("lease %d broke because %s", e.Lease, l.BreakCause), allocator.LeaseRef(e.Lease))
	}
}

// reportStalls names the leases parked behind a refused reclaim when the
// requesters did not finish in time.
func reportStalls(c *checker, l liveness) {
	if l.clientsDone {
		return
	}
	for lease := range c.store.AllLeases() {
		if !lease.Status.Activating() {
			continue
		}
		if r := refusedReclaim(c.store, lease); r != 0 {
			c.report(InvReclaimStall, fmt.Sprintf("lease %d yields for ever on resource %d: its reclaim was refused and the resource stays active", lease.ID, r),
				allocator.LeaseRef(lease.ID), allocator.ResourceRef(r))
		}
	}
}

// reportStuck names the leases that neither became active nor ended (those
// parked behind a refused reclaim aside: see reportStalls), or the queue
// tasks still open once every requester finished.
func reportStuck(c *checker, l liveness) {
	if l.clientsDone {
		c.report(InvLiveness, fmt.Sprintf("%d queue tasks still open %v into the liveness phase", l.openTasks, l.budget))
		return
	}
	var stuck []allocator.Ref
	var first allocator.Lease
	stalled := 0
	for lease := range c.store.AllLeases() {
		switch {
		case !lease.Status.Activating():
		case refusedReclaim(c.store, lease) != 0:
			stalled++
		default:
			if len(stuck) == 0 {
				first = lease
			}
			stuck = append(stuck, allocator.LeaseRef(lease.ID))
		}
	}
	if len(stuck) == 0 && stalled > 0 {
		return
	}
	detail := fmt.Sprintf("%d leases still waiting %v into the liveness phase (%d clients running)", len(stuck), l.budget, l.clientsLeft)
	if len(stuck) > 0 {
		detail += fmt.Sprintf("; first: lease %d %s wants %s", first.ID, first.Status, first.Wants)
	}
	c.report(InvLiveness, detail, stuck[:min(len(stuck), 8)]...)
}

// refusedReclaim returns the resource a pending lease is parked behind: one
// in its reclaimed list that is still active although every reclaim the
// lease queued for it has been consumed. 0 if there is none.
func refusedReclaim(s *allocator.Store, l allocator.Lease) allocator.ID {
	if l.Status != allocator.LeasePending {
		return 0
	}
	for _, rid := range l.Reclaimed {
		r, err := s.PeekResource(rid)
		if err != nil || r.Status != allocator.ResourceActive {
			continue
		}
		refused := true
		for cmd := range s.AllCommands() {
			if cmd.Target == allocator.ResourceRef(rid) && cmd.Author == allocator.LeaseRef(l.ID) && !cmd.Consumed {
				refused = false
			}
		}
		if refused {
			return rid
		}
	}
	return 0
}

// checkExpiry: every lease with an expiry ended by then, give or take one
// worker retry.
func checkExpiry(c *checker) {
	for l := range c.store.AllLeases() {
		if l.Until.IsZero() {
			continue
		}
		deadline := l.Until.Add(c.expiryGrace)
		if end, ok := c.facts.ended[l.ID]; !ok || end.After(deadline) {
			c.report(InvLeaseExpiry, fmt.Sprintf("lease %d expired at %s and had not ended %v later", l.ID, l.Until.Format("15:04:05"), c.expiryGrace), allocator.LeaseRef(l.ID))
		}
	}
}

// checkAbandoned: a lease its requester gave up on has ended.
func checkAbandoned(c *checker) {
	for l := range c.store.AllLeases() {
		if c.abandoned[l.ID] && !c.facts.leaseStatus[l.ID].Ended() {
			c.report(InvAbandonedEnded, fmt.Sprintf("lease %d was abandoned and is still %s", l.ID, c.facts.leaseStatus[l.ID]), allocator.LeaseRef(l.ID))
		}
	}
}
