package scenarios

import (
	"slices"
	"time"

	"github.com/drysim/drysim/allocator"
)

// facts is what the audit log has said so far, kept by the checker from
// entries written once as things happened: status changes, links, builds,
// slot locks taken and freed. Invariants read these rather than the
// allocator's own bookkeeping (a lease's allocated list, its status field),
// so a bug in that bookkeeping cannot blind them.
type facts struct {
	leaseStatus map[allocator.ID]allocator.LeaseStatus
	resStatus   map[allocator.ID]allocator.ResourceStatus
	blueprintOf map[allocator.ID]allocator.ID   // resource -> blueprint
	builtBy     map[allocator.ID]allocator.ID   // resource -> the lease that built it
	built       map[allocator.ID][]allocator.ID // lease -> the resources it built
	linked      map[allocator.ID]allocator.ID   // lease -> resource, while acquired or active
	// holding counts, per blueprint, the resources between their first
	// save and the release of their slot locks: what a limit slot covers.
	holding      map[allocator.ID]int
	holds        map[allocator.ID]bool
	notDestroyed map[allocator.ID]int       // per blueprint
	unattributed map[allocator.ID]bool      // resources saved before their attributes
	ended        map[allocator.ID]time.Time // when each lease first ended
	overshoot    overshoot

	held        map[string]allocator.Ref      // slot lock key -> owner
	onResource  map[allocator.ID]allocator.ID // lease -> the resource it was last linked to, until thrown back
	destroyedAt map[allocator.ID]time.Time    // lease -> when it was destroyed
	changedAt   map[allocator.ID]time.Time    // resource -> its last status or attribute save (dateModified)
	// releasedLinked: leases released while linked, whose release hook
	// must run; brokeFor: why each broken lease broke.
	releasedLinked map[allocator.ID]bool
	brokeFor       map[allocator.ID]allocator.BreakCause
	commands       map[allocator.ID]commandFact
	hooks          map[allocator.ID]string // resource -> the resource hook running on it
	// activationFailed: leases whose activation hook failed, and when.
	activationFailed map[allocator.ID]time.Time
}

// overshoot measures the moments when a blueprint has more resources that
// are not destroyed than its limit: legal in Drydock for as long as a
// released resource has freed its slot but not yet saved itself destroyed.
type overshoot struct {
	since     time.Duration // start of the current overshoot; -1 when none
	sinceStep int64
	count     int
	total     time.Duration
	worst     time.Duration
	steps     int64 // steps spent overshooting, in all
}

func newFacts() *facts {
	return &facts{
		leaseStatus: map[allocator.ID]allocator.LeaseStatus{}, resStatus: map[allocator.ID]allocator.ResourceStatus{},
		blueprintOf: map[allocator.ID]allocator.ID{}, builtBy: map[allocator.ID]allocator.ID{}, built: map[allocator.ID][]allocator.ID{},
		linked: map[allocator.ID]allocator.ID{}, holding: map[allocator.ID]int{}, holds: map[allocator.ID]bool{},
		notDestroyed: map[allocator.ID]int{}, unattributed: map[allocator.ID]bool{}, ended: map[allocator.ID]time.Time{},
		overshoot: overshoot{since: -1},
		held:      map[string]allocator.Ref{}, onResource: map[allocator.ID]allocator.ID{}, destroyedAt: map[allocator.ID]time.Time{},
		changedAt: map[allocator.ID]time.Time{}, releasedLinked: map[allocator.ID]bool{}, brokeFor: map[allocator.ID]allocator.BreakCause{},
		commands: map[allocator.ID]commandFact{}, hooks: map[allocator.ID]string{}, activationFailed: map[allocator.ID]time.Time{},
	}
}

// commandFact is what the log says of one command.
type commandFact struct {
	kind     string // release or reclaim
	target   allocator.Ref
	author   allocator.Ref
	effects  int // releases it caused
	consumed bool
}

// learn adds one audit entry; row is the resource it names, as stored
// after the commit (read for its blueprint and whether its attributes
// came with its first save, both fixed from then on).
func (f *facts) learn(e allocator.AuditEntry, row func(allocator.ID) (allocator.Resource, bool)) {
	f.learnCommand(e)
	switch e.Kind {
	case allocator.AuditLeaseStatus:
		f.learnLeaseStatus(e)
	case allocator.AuditLink:
		f.linked[e.Lease] = e.Resource
		f.onResource[e.Lease] = e.Resource
	case allocator.AuditSlotAcquire:
		for _, k := range e.Keys {
			f.held[k] = e.Owner
		}
	case allocator.AuditHookStart:
		if e.Lease == 0 {
			f.hooks[e.Resource] = e.Hook
		}
	case allocator.AuditHook:
		if e.Lease == 0 {
			delete(f.hooks, e.Resource)
		}
		if e.Hook == allocator.HookActivateLease && e.Cause != "" {
			f.activationFailed[e.Lease] = e.Time
		}
	case allocator.AuditAllocate:
		f.builtBy[e.Resource] = e.Lease
		f.built[e.Lease] = append(f.built[e.Lease], e.Resource)
	case allocator.AuditResourceStatus:
		f.learnResourceStatus(e, row)
	case allocator.AuditSlotRelease:
		for _, k := range e.Keys {
			delete(f.held, k)
		}
		if e.Owner.Kind == allocator.KindResource && f.holds[e.Owner.ID] {
			f.holds[e.Owner.ID] = false
			f.holding[f.blueprintOf[e.Owner.ID]]--
		}
	case allocator.AuditAttributes:
		delete(f.unattributed, e.Resource)
		f.changedAt[e.Resource] = e.Time
	}
}

func (f *facts) learnLeaseStatus(e allocator.AuditEntry) {
	to := allocator.LeaseStatus(e.To)
	if to == allocator.LeaseReleased {
		if _, linked := f.linked[e.Lease]; linked {
			f.releasedLinked[e.Lease] = true
		}
	}
	f.leaseStatus[e.Lease] = to
	if !to.Linked() {
		delete(f.linked, e.Lease)
	}
	switch to {
	case allocator.LeasePending:
		delete(f.onResource, e.Lease) // thrown back
	case allocator.LeaseBroken:
		f.brokeFor[e.Lease], _ = allocator.ParseBreakCause(e.Cause)
	case allocator.LeaseDestroyed:
		f.destroyedAt[e.Lease] = e.Time
	}
	if _, seen := f.ended[e.Lease]; to.Ended() && !seen {
		f.ended[e.Lease] = e.Time
	}
}

func (f *facts) learnCommand(e allocator.AuditEntry) {
	switch {
	case e.Kind == allocator.AuditCommand:
		f.commands[e.Command] = commandFact{kind: e.Cause, target: e.Owner, author: e.Actor}
	case e.Kind == allocator.AuditConsume:
		c := f.commands[e.Command]
		c.consumed = true
		f.commands[e.Command] = c
	case e.Command != 0 && (e.Kind == allocator.AuditLeaseStatus || e.Kind == allocator.AuditResourceRelease):
		c := f.commands[e.Command]
		c.effects++
		f.commands[e.Command] = c
	}
}

func (f *facts) learnResourceStatus(e allocator.AuditEntry, row func(allocator.ID) (allocator.Resource, bool)) {
	to := allocator.ResourceStatus(e.To)
	if e.From == 0 {
		if r, ok := row(e.Resource); ok {
			f.blueprintOf[e.Resource] = r.Blueprint
			if !r.AttributesSet {
				f.unattributed[e.Resource] = true
			}
		}
		bp := f.blueprintOf[e.Resource]
		f.holds[e.Resource] = true
		f.holding[bp]++
		f.notDestroyed[bp]++
	}
	if to == allocator.ResourceDestroyed && f.resStatus[e.Resource] != allocator.ResourceDestroyed {
		f.notDestroyed[f.blueprintOf[e.Resource]]--
	}
	f.resStatus[e.Resource] = to
	f.changedAt[e.Resource] = e.Time
}

// pendingBuilt counts the resources lease built that are pending now.
func (f *facts) pendingBuilt(lease allocator.ID) (n int) {
	for _, r := range f.built[lease] {
		if f.resStatus[r] == allocator.ResourcePending {
			n++
		}
	}
	return n
}

// leasesOn lists, in ID order, the leases a lease-to-resource map puts on
// resource r.
func (f *facts) leasesOn(r allocator.ID, m map[allocator.ID]allocator.ID) []allocator.ID {
	var out []allocator.ID
	for lease, res := range m { //drysim:order-independent: sorted below
		if res == r {
			out = append(out, lease)
		}
	}
	slices.Sort(out)
	return out
}

// linkedTo counts the leases acquired or active on resource r.
func (f *facts) linkedTo(r allocator.ID) (n int) {
	for _, res := range f.linked { //drysim:order-independent: a count
		if res == r {
			n++
		}
	}
	return n
}

// measure closes or opens an overshoot interval at now (step).
func (f *facts) measure(bp allocator.ID, limit int, now time.Duration, step int64) {
	o := &f.overshoot
	over := limit > 0 && f.notDestroyed[bp] > limit
	switch {
	case over && o.since < 0:
		o.since, o.sinceStep = now, step
		o.count++
	case !over && o.since >= 0:
		o.close(now, step)
	}
}

func (o *overshoot) close(now time.Duration, step int64) {
	d := now - o.since
	o.total += d
	o.worst = max(o.worst, d)
	o.steps += step - o.sinceStep
	o.since = -1
}
