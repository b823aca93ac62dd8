package liveload

import (
	"fmt"
	"slices"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/scenarios"
)

// Violation is one broken invariant (named as scenarios names them).
type Violation struct {
	Invariant string
	Detail    string
}

func (v Violation) String() string { return v.Invariant + ": " + v.Detail }

// Rows is what the checker reads besides the audit log: rows as stored
// now (a resource's blueprint and binding never change once saved; a
// broken lease's cause neither).
type Rows interface {
	Lease(id allocator.ID) (allocator.Lease, bool)
	Resource(id allocator.ID) (allocator.Resource, bool)
}

// Checker checks a live run's invariants from a store's audit log, entry
// by entry, in the order the store committed them, and its rows at the
// end. It is scenarios' checker redone on facts alone, because a live run
// has no world to stop at each step: the safety invariants are the audit
// log's (they hold of every prefix of it), the quiescent ones the end
// state's.
type Checker struct {
	limit, capacity int
	violations      []Violation
	reported        map[string]bool
	leaseStatus     map[allocator.ID]allocator.LeaseStatus
	resStatus       map[allocator.ID]allocator.ResourceStatus
	linked          map[allocator.ID]allocator.ID   // lease -> resource while acquired or active
	onResource      map[allocator.ID]int            // linked leases per resource
	built           map[allocator.ID][]allocator.ID // lease -> resources it built
	builtBy         map[allocator.ID]allocator.ID
	holding         map[allocator.ID]int  // per blueprint: saved, slot locks not yet freed
	holds           map[allocator.ID]bool // per resource
	bindings        map[string][]allocator.ID
	unattributed    map[allocator.ID]bool
	suspects        map[allocator.ID][]suspect
	releases        map[allocator.ID]int
	// lateAttrs are resources whose attributes came after their first
	// save, when the rows read are final (a dump) rather than current.
	lateAttrs map[allocator.ID]bool
	entries   int
}

type suspect struct{ lease, built allocator.ID }

// NewChecker checks against a hoax blueprint's limit and lease capacity.
func NewChecker(cfg hoax.Config) *Checker {
	return &Checker{
		limit: cfg.Limit, capacity: max(cfg.LeasesPerResource, 1), reported: map[string]bool{},
		leaseStatus: map[allocator.ID]allocator.LeaseStatus{}, resStatus: map[allocator.ID]allocator.ResourceStatus{},
		linked: map[allocator.ID]allocator.ID{}, onResource: map[allocator.ID]int{}, built: map[allocator.ID][]allocator.ID{},
		builtBy: map[allocator.ID]allocator.ID{}, holding: map[allocator.ID]int{}, holds: map[allocator.ID]bool{},
		bindings: map[string][]allocator.ID{}, unattributed: map[allocator.ID]bool{}, suspects: map[allocator.ID][]suspect{},
		releases: map[allocator.ID]int{},
	}
}

// Violations returns what was found so far, first first.
func (c *Checker) Violations() []Violation { return slices.Clone(c.violations) }

// Entries is how many audit entries the checker has read.
func (c *Checker) Entries() int { return c.entries }

func (c *Checker) report(inv, key, format string, args ...any) {
	if c.reported[inv+key] || len(c.violations) >= 64 {
		return
	}
	c.reported[inv+key] = true
	c.violations = append(c.violations, Violation{Invariant: inv, Detail: fmt.Sprintf(format, args...)})
}

// Learn checks one audit entry against what came before it, then learns it.
func (c *Checker) Learn(e allocator.AuditEntry, rows Rows) {
	c.entries++
	switch e.Kind {
	case allocator.AuditLink:
		c.learnLink(e)
	case allocator.AuditLeaseStatus:
		c.learnLeaseStatus(e, rows)
	case allocator.AuditResourceStatus:
		c.learnResourceStatus(e, rows)
	case allocator.AuditAllocate:
		c.suspectNeedlessBuild(e, rows)
		c.builtBy[e.Resource] = e.Lease
		c.built[e.Lease] = append(c.built[e.Lease], e.Resource)
	case allocator.AuditSlotRelease:
		if e.Owner.Kind == allocator.KindResource && c.holds[e.Owner.ID] {
			c.holds[e.Owner.ID] = false
			if r, ok := rows.Resource(e.Owner.ID); ok {
				c.holding[r.Blueprint]--
			}
		}
	case allocator.AuditAttributes:
		c.judgeNeedlessBuilds(e, rows)
		delete(c.unattributed, e.Resource)
		c.bind(e.Resource, rows)
	case allocator.AuditResourceRelease:
		if e.Cause == allocator.CauseReclaim && len(e.Live) > 0 {
			c.report(scenarios.InvReclaimIdleOnly, fmt.Sprint(e.Resource), "reclaim released resource %d with leases %v linked to it", e.Resource, e.Live)
		}
	case allocator.AuditHook:
		if e.Hook == allocator.HookDidReleaseLease {
			if c.releases[e.Lease]++; c.releases[e.Lease] > 1 {
				c.report(scenarios.InvReleaseOnce, fmt.Sprint(e.Lease), "release hook ran %d times for lease %d", c.releases[e.Lease], e.Lease)
			}
		}
	}
}

func (c *Checker) learnLink(e allocator.AuditEntry) {
	if !e.ResourceStatus.Live() {
		c.report(scenarios.InvAcquireLiveResource, fmt.Sprint(e.Lease), "lease %d linked to resource %d while it was %s", e.Lease, e.Resource, e.ResourceStatus)
	}
	if old, ok := c.linked[e.Lease]; ok {
		c.onResource[old]--
	}
	c.linked[e.Lease] = e.Resource
	if c.onResource[e.Resource]++; c.onResource[e.Resource] > c.capacity {
		c.report(scenarios.InvLeaseCapacity, fmt.Sprint(e.Resource), "%d leases linked to resource %d, capacity %d", c.onResource[e.Resource], e.Resource, c.capacity)
	}
}

func (c *Checker) learnLeaseStatus(e allocator.AuditEntry, rows Rows) {
	from, to := allocator.LeaseStatus(e.From), allocator.LeaseStatus(e.To)
	if last, seen := c.leaseStatus[e.Lease]; seen && last != from {
		c.report(scenarios.InvSingleWriter, fmt.Sprint("lease", e.Lease), "lease %d written %s -> %s but the store held %s (a lost update)", e.Lease, from, to, last)
	}
	if from != 0 || to != allocator.LeasePending {
		if err := allocator.CheckLeaseTransition(from, to); err != nil {
			c.report(scenarios.InvStatusTransitions, fmt.Sprint("lease", e.Lease), "lease %d: %v", e.Lease, err)
		}
	}
	if to == allocator.LeaseBroken {
		if l, ok := rows.Lease(e.Lease); ok && !l.BreakCause.Own() {
			c.report(scenarios.InvBrokenOwnCause, fmt.Sprint(e.Lease), "lease %d broke because %s", e.Lease, l.BreakCause)
		}
	}
	c.leaseStatus[e.Lease] = to
	if res, ok := c.linked[e.Lease]; ok && !to.Linked() {
		delete(c.linked, e.Lease)
		c.onResource[res]--
	}
}

func (c *Checker) learnResourceStatus(e allocator.AuditEntry, rows Rows) {
	from, to := allocator.ResourceStatus(e.From), allocator.ResourceStatus(e.To)
	if last, seen := c.resStatus[e.Resource]; seen && last != from {
		c.report(scenarios.InvSingleWriter, fmt.Sprint("resource", e.Resource), "resource %d written %s -> %s but the store held %s (a lost update)", e.Resource, from, to, last)
	}
	if from != 0 || !to.Live() {
		if err := allocator.CheckResourceTransition(from, to); err != nil {
			c.report(scenarios.InvStatusTransitions, fmt.Sprint("resource", e.Resource), "resource %d: %v", e.Resource, err)
		}
	}
	if from == 0 {
		c.firstSave(e, rows)
	}
	c.resStatus[e.Resource] = to
	switch {
	case !to.Live():
		c.unbind(e.Resource, rows)
	case from == 0 && !c.unattributed[e.Resource]:
		c.bind(e.Resource, rows)
	}
}

// firstSave: a new resource takes a place under the limit until it frees
// its slot locks; a lease may wait on one pending resource it built.
func (c *Checker) firstSave(e allocator.AuditEntry, rows Rows) {
	r, ok := rows.Resource(e.Resource)
	if !ok {
		return
	}
	if c.limit > 0 && c.holding[r.Blueprint]+1 > c.limit {
		c.report(scenarios.InvBlueprintLimit, fmt.Sprint(e.Resource), "%d resources hold a place under the limit %d (saved, slot locks not yet freed)", c.holding[r.Blueprint]+1, c.limit)
	}
	c.holding[r.Blueprint]++
	c.holds[e.Resource] = true
	if lease := c.builtBy[e.Resource]; lease != 0 && allocator.ResourceStatus(e.To) == allocator.ResourcePending {
		pending := 0
		for _, b := range c.built[lease] {
			if c.resStatus[b] == allocator.ResourcePending {
				pending++
			}
		}
		if pending >= 1 {
			c.report(scenarios.InvOnePendingAllocation, fmt.Sprint(lease), "lease %d waits on %d pending resources it built (%v)", lease, pending+1, c.built[lease])
		}
	}
	if !r.AttributesSet || c.lateAttrs[e.Resource] {
		c.unattributed[e.Resource] = true // its attributes come with a later save
	}
}

// bind: a live resource's host binding must back no other live resource.
func (c *Checker) bind(id allocator.ID, rows Rows) {
	r, ok := rows.Resource(id)
	b := r.Attributes.Value(hoax.AttrBinding)
	if !ok || b == "" || !c.resStatus[id].Live() || slices.Contains(c.bindings[b], id) {
		return
	}
	for _, o := range c.bindings[b] {
		c.report(scenarios.InvBindingUnique, fmt.Sprint(min(o, id)), "binding %s backs live resources %d and %d", b, min(o, id), max(o, id))
	}
	c.bindings[b] = append(c.bindings[b], id)
}

func (c *Checker) unbind(id allocator.ID, rows Rows) {
	if r, ok := rows.Resource(id); ok {
		b := r.Attributes.Value(hoax.AttrBinding)
		c.bindings[b] = slices.DeleteFunc(c.bindings[b], func(o allocator.ID) bool { return o == id })
	}
}

// suspectNeedlessBuild: when a lease builds, every active resource of the
// blueprint with room and no attributes yet is a suspect; if, once set,
// its attributes would have served the lease, the build was needless.
func (c *Checker) suspectNeedlessBuild(e allocator.AuditEntry, rows Rows) {
	built, ok := rows.Resource(e.Resource)
	if !ok {
		return
	}
	for rid := range c.unattributed { //drysim:order-independent: each suspect is kept on its own resource
		r, ok := rows.Resource(rid)
		if ok && r.Blueprint == built.Blueprint && c.resStatus[rid] == allocator.ResourceActive && c.onResource[rid] < c.capacity {
			c.suspects[rid] = append(c.suspects[rid], suspect{lease: e.Lease, built: e.Resource})
		}
	}
}

func (c *Checker) judgeNeedlessBuilds(e allocator.AuditEntry, rows Rows) {
	r, ok := rows.Resource(e.Resource)
	if !ok {
		return
	}
	for _, s := range c.suspects[e.Resource] {
		if l, ok := rows.Lease(s.lease); ok && r.Attributes.Satisfies(l.Wants) {
			c.report(scenarios.InvNeedlessBuild, fmt.Sprint(s.lease), "lease %d built resource %d while resource %d, active with room, would have served it once its attributes were set", s.lease, s.built, e.Resource)
		}
	}
	delete(c.suspects, e.Resource)
}

// Quiescent checks the end state once nothing runs: no destroyed object
// holds a slot lock and every slot lock's owner exists; no acquired or
// active lease sits on a resource that is not active; every lease linked
// and released ran its release hook.
func (c *Checker) Quiescent(d allocator.Dump) {
	leases, resources := byID(d.Leases, leaseID), byID(d.Resources, resourceID)
	for _, s := range d.SlotLocks {
		var destroyed, exists bool
		switch s.Owner.Kind {
		case allocator.KindLease:
			l, ok := leases[s.Owner.ID]
			exists, destroyed = ok, l.Status == allocator.LeaseDestroyed
		case allocator.KindResource:
			r, ok := resources[s.Owner.ID]
			exists, destroyed = ok, r.Status == allocator.ResourceDestroyed
		}
		if destroyed || !exists {
			c.report(scenarios.InvNoOrphanSlotLocks, s.Owner.String()+s.Key, "slot lock %s is held by %s, which is destroyed or does not exist", s.Key, s.Owner)
		}
	}
	for _, l := range d.Leases {
		if r, ok := resources[l.Resource]; l.Status.Linked() && ok && r.Status != allocator.ResourceActive {
			c.report(scenarios.InvNoLeaseOnDeadResource, fmt.Sprint(l.ID), "lease %d is %s on resource %d, which is %s", l.ID, l.Status, r.ID, r.Status)
		}
		if l.Resource != 0 && l.Status == allocator.LeaseDestroyed && l.BreakCause == allocator.BreakNone && c.releases[l.ID] == 0 {
			c.report(scenarios.InvReleaseOnce, fmt.Sprint(l.ID), "lease %d was linked and released but its release hook never ran", l.ID)
		}
	}
}

// Leftovers names what a clean stop must not leave behind: leases that
// have not ended (leased but never released) and resources caught half-way
// (pending, released or broken; an idle active resource is the pool, not a
// leak).
func Leftovers(d allocator.Dump) []Violation {
	var out []Violation
	for _, l := range d.Leases {
		if !l.Status.Ended() {
			out = append(out, Violation{InvNothingLeft, fmt.Sprintf("lease %d is still %s", l.ID, l.Status)})
		}
	}
	for _, r := range d.Resources {
		if r.Status != allocator.ResourceActive && r.Status != allocator.ResourceDestroyed {
			out = append(out, Violation{InvNothingLeft, fmt.Sprintf("resource %d is still %s", r.ID, r.Status)})
		}
	}
	return out
}

// InvNothingLeft is the invariant of a clean stop.
const InvNothingLeft = "nothing-left-behind"

// CheckDump checks a whole audit log and the end state, with the dump's
// rows (final, so resources whose attributes came later are taken from
// the log).
func CheckDump(cfg hoax.Config, d allocator.Dump, quiescent bool) []Violation {
	c := NewChecker(cfg)
	c.lateAttrs = map[allocator.ID]bool{}
	for _, e := range d.Audit {
		if e.Kind == allocator.AuditAttributes {
			c.lateAttrs[e.Resource] = true
		}
	}
	rows := DumpRows(d)
	for _, e := range d.Audit {
		c.Learn(e, rows)
	}
	if quiescent {
		c.Quiescent(d)
	}
	return c.Violations()
}

// DumpRows reads rows from a dump.
func DumpRows(d allocator.Dump) Rows {
	return dumpRows{leases: byID(d.Leases, leaseID), resources: byID(d.Resources, resourceID)}
}

type dumpRows struct {
	leases    map[allocator.ID]allocator.Lease
	resources map[allocator.ID]allocator.Resource
}

func (r dumpRows) Lease(id allocator.ID) (allocator.Lease, bool) { l, ok := r.leases[id]; return l, ok }
func (r dumpRows) Resource(id allocator.ID) (allocator.Resource, bool) {
	x, ok := r.resources[id]
	return x, ok
}

// StoreRows reads rows as a store holds them now (no step).
func StoreRows(s *allocator.Store) Rows { return storeRows{s} }

type storeRows struct{ s *allocator.Store }

func (r storeRows) Lease(id allocator.ID) (allocator.Lease, bool) {
	l, err := r.s.PeekLease(id)
	return l, err == nil
}
func (r storeRows) Resource(id allocator.ID) (allocator.Resource, bool) {
	x, err := r.s.PeekResource(id)
	return x, err == nil
}

func leaseID(l allocator.Lease) allocator.ID       { return l.ID }
func resourceID(r allocator.Resource) allocator.ID { return r.ID }

func byID[T any](xs []T, id func(T) allocator.ID) map[allocator.ID]T {
	m := make(map[allocator.ID]T, len(xs))
	for _, x := range xs {
		m[id(x)] = x
	}
	return m
}
