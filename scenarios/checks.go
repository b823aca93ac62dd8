package scenarios

import (
	"fmt"
	"strconv"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// The step checks of Invariants, in table order. Each reads the facts the
// audit log has given so far (c.facts, learned after the checks of an
// entry have run) and, for what never changes once written (a resource's
// blueprint and attributes, a lease's wants), the rows.

// checkOrphanLocks: an object is saved destroyed only once it holds no
// slot lock.
func checkOrphanLocks(c *checker, e allocator.AuditEntry) {
	var owner allocator.Ref
	switch {
	case e.Kind == allocator.AuditLeaseStatus && allocator.LeaseStatus(e.To) == allocator.LeaseDestroyed:
		owner = allocator.LeaseRef(e.Lease)
	case e.Kind == allocator.AuditResourceStatus && allocator.ResourceStatus(e.To) == allocator.ResourceDestroyed:
		owner = allocator.ResourceRef(e.Resource)
	default:
		return
	}
	var keys []string
	for k, o := range c.facts.held { //drysim:order-independent: sorted in the report's detail by the first key only
		if o == owner {
			keys = append(keys, k)
		}
	}
	if len(keys) > 0 {
		c.report(InvNoOrphanSlotLocks, fmt.Sprintf("destroyed %s still holds %d slot locks", owner, len(keys)), owner)
	}
}

// checkSlotOwners runs once a commit's facts are learned: every slot lock
// it took belongs to an owner of the right kind: a binding lock to the
// resource whose binding it is, a limit lock to a resource of that
// blueprint, a lease slot to a lease linked to that resource.
func checkSlotOwners(c *checker, cm allocator.Commit) {
	for _, e := range cm.Audit {
		if e.Kind != allocator.AuditSlotAcquire {
			continue
		}
		for _, k := range e.Keys {
			if why := c.wrongSlotOwner(k, e.Owner); why != "" {
				c.report(InvSlotLockOwners, fmt.Sprintf("slot lock %s taken by %s: %s", k, e.Owner, why), e.Owner)
			}
		}
	}
}

func (c *checker) wrongSlotOwner(key string, owner allocator.Ref) string {
	class, names, ok := hoax.ParseSlotKey(key)
	if !ok {
		return ""
	}
	id, _ := strconv.ParseInt(names, 10, 64)
	switch class {
	case allocator.SlotBinding:
		r, found := c.row(owner.ID)
		if owner.Kind != allocator.KindResource || !found {
			return "want the resource on that binding"
		}
		if b, set := r.Attributes.Get(hoax.AttrBinding); set && b != names {
			return "that resource is on binding " + b
		}
	case allocator.SlotLimit:
		if owner.Kind != allocator.KindResource || c.facts.blueprintOf[owner.ID] != allocator.ID(id) {
			return "want a resource of blueprint " + names
		}
	case allocator.SlotLease:
		if owner.Kind != allocator.KindLease || c.facts.linked[owner.ID] != allocator.ID(id) {
			return "want a lease linked to resource " + names
		}
	}
	return ""
}

func checkBindingUnique(c *checker, r allocator.Resource) {
	binding := r.Attributes.Value(hoax.AttrBinding)
	if binding == "" || !c.facts.resStatus[r.ID].Live() {
		return
	}
	for o := range c.rows.resources() {
		if o.Blueprint == r.Blueprint && o.ID != r.ID && c.facts.resStatus[o.ID].Live() && o.Attributes.Value(hoax.AttrBinding) == binding {
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
		if l, ok := c.rows.lease(s.lease); ok && r.Attributes.Satisfies(l.Wants) {
			c.report(InvNeedlessBuild, fmt.Sprintf("lease %d built resource %d while resource %d, active with room, would have served it once its attributes were set", s.lease, s.built, e.Resource),
				allocator.LeaseRef(s.lease), allocator.ResourceRef(e.Resource))
		}
	}
	delete(c.suspects, e.Resource)
}

// checkAttributes: once a resource's attributes are set, every lease
// linked to it wants nothing they contradict: checked at each link and
// when attributes arrive.
func checkAttributes(c *checker, e allocator.AuditEntry) {
	switch e.Kind {
	case allocator.AuditLink:
		c.checkLeaseOn(e.Lease, e.Resource)
	case allocator.AuditAttributes:
		for _, lease := range c.facts.leasesOn(e.Resource, c.facts.linked) {
			c.checkLeaseOn(lease, e.Resource)
		}
	}
}

func (c *checker) checkLeaseOn(lease, rid allocator.ID) {
	r, ok := c.row(rid)
	l, found := c.rows.lease(lease)
	if !ok || !found || c.facts.unattributed[rid] || r.Attributes.Satisfies(l.Wants) {
		return
	}
	c.report(InvAttributesMatch, fmt.Sprintf("lease %d wants %s, its resource %d has %s", lease, l.Wants, rid, r.Attributes),
		allocator.LeaseRef(lease), allocator.ResourceRef(rid))
}

// checkCapacity: a link never takes a resource past its capacity.
func checkCapacity(c *checker, e allocator.AuditEntry) {
	if e.Kind != allocator.AuditLink {
		return
	}
	if n := c.facts.linkedTo(e.Resource) + 1; n > c.capacity {
		c.report(InvLeaseCapacity, fmt.Sprintf("%d leases linked to resource %d, capacity %d", n, e.Resource, c.capacity), allocator.ResourceRef(e.Resource))
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

// checkReclaimRules: a reclaim releases a resource only if it is idle as
// DrydockWorker::canReclaimResource says, at that instant: unmodified for
// ReclaimIdle, no lease on it that is not destroyed, and none destroyed on
// it within ReclaimIdle (T13676).
func checkReclaimRules(c *checker, e allocator.AuditEntry) {
	if e.Kind != allocator.AuditResourceRelease || e.Cause != allocator.CauseReclaim {
		return
	}
	why := ""
	if changed, ok := c.facts.changedAt[e.Resource]; ok && e.Time.Sub(changed) < c.reclaimIdle {
		why = fmt.Sprintf("it changed %v before", e.Time.Sub(changed))
	}
	for _, lease := range c.facts.leasesOn(e.Resource, c.facts.onResource) {
		switch {
		case why != "":
		case c.facts.leaseStatus[lease] != allocator.LeaseDestroyed:
			why = fmt.Sprintf("lease %d on it is %s", lease, c.facts.leaseStatus[lease])
		case e.Time.Sub(c.facts.destroyedAt[lease]) < c.reclaimIdle:
			why = fmt.Sprintf("lease %d on it was destroyed %v before", lease, e.Time.Sub(c.facts.destroyedAt[lease]))
		}
	}
	if why != "" {
		c.report(InvReclaimRules, fmt.Sprintf("reclaim released resource %d, which was not idle: %s", e.Resource, why), allocator.ResourceRef(e.Resource))
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

// checkBrokenCause: a lease breaks only for its own reasons.
func checkBrokenCause(c *checker, e allocator.AuditEntry) {
	if e.Kind != allocator.AuditLeaseStatus || allocator.LeaseStatus(e.To) != allocator.LeaseBroken {
		return
	}
	if cause, _ := allocator.ParseBreakCause(e.Cause); !cause.Own() {
		c.report(InvBrokenOwnCause, fmt.Sprintf("lease %d broke because %s", e.Lease, e.Cause), allocator.LeaseRef(e.Lease))
	}
}

// checkCommandEffects: a command has at most one effect (one release).
func checkCommandEffects(c *checker, e allocator.AuditEntry) {
	if e.Command == 0 || (e.Kind != allocator.AuditLeaseStatus && e.Kind != allocator.AuditResourceRelease) {
		return
	}
	if c.facts.commands[e.Command].effects >= 1 {
		c.report(InvCommandEffects, fmt.Sprintf("command %d took effect twice (%s)", e.Command, e), c.facts.commands[e.Command].target)
	}
}

// checkHooksSerial: no blueprint hook starts on a resource while another
// one for it is still running (its setup against its teardown).
func checkHooksSerial(c *checker, e allocator.AuditEntry) {
	if e.Kind != allocator.AuditHookStart || e.Lease != 0 {
		return
	}
	if running := c.facts.hooks[e.Resource]; running != "" {
		c.report(InvHooksSerial, fmt.Sprintf("%s started on resource %d while %s was still running", e.Hook, e.Resource, running), allocator.ResourceRef(e.Resource))
	}
}
