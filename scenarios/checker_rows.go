package scenarios

import (
	"iter"
	"slices"

	"github.com/drysim/drysim/allocator"
)

// checkRows is what the checker reads besides the audit log: rows as they
// stand once the commit being checked is in. The checks read only what a
// row never changes once written (a resource's blueprint, its attributes
// once set, a lease's wants and expiry) and list the rows at quiescence,
// so a store's rows now (storeRows) and a dump's taken after the run
// (dumpRows, which hides attributes the log has not set yet) serve alike.
type checkRows interface {
	lease(id allocator.ID) (allocator.Lease, bool)
	resource(id allocator.ID) (allocator.Resource, bool)
	// leases, resources and commands yield every row, in ID order.
	leases() iter.Seq[allocator.Lease]
	resources() iter.Seq[allocator.Resource]
	commands() iter.Seq[allocator.Command]
}

// storeRows reads a store as it is now, taking no step: the simulator's
// rows, and a live in-memory store's, read inside its commit.
type storeRows struct{ s *allocator.Store }

func (r storeRows) lease(id allocator.ID) (allocator.Lease, bool) {
	l, err := r.s.PeekLease(id)
	return l, err == nil
}

func (r storeRows) resource(id allocator.ID) (allocator.Resource, bool) {
	x, err := r.s.PeekResource(id)
	return x, err == nil
}

func (r storeRows) leases() iter.Seq[allocator.Lease]       { return r.s.AllLeases() }
func (r storeRows) resources() iter.Seq[allocator.Resource] { return r.s.AllResources() }
func (r storeRows) commands() iter.Seq[allocator.Command]   { return r.s.AllCommands() }

// dumpRows reads the rows of a dump taken after a live run, while its
// audit log is replayed. They are final, which the checks' reads do not
// mind, but for one thing: a resource saved before its attributes shows
// them from its first save on. So until the replay reaches the commit
// that set them (the resource's AuditAttributes entry), a resource's
// attributes are hidden, as they were in the store then.
type dumpRows struct {
	d        allocator.Dump
	leaseAt  map[allocator.ID]int // lease ID -> index in d.Leases
	resAt    map[allocator.ID]int // resource ID -> index in d.Resources
	attrsSet map[allocator.ID]int // resource ID -> index of its AuditAttributes entry in d.Audit
	replayed int                  // index of the last audit entry of the commit being checked
}

func newDumpRows(d allocator.Dump) *dumpRows {
	r := &dumpRows{d: d, leaseAt: map[allocator.ID]int{}, resAt: map[allocator.ID]int{}, attrsSet: map[allocator.ID]int{}}
	for i, l := range d.Leases {
		r.leaseAt[l.ID] = i
	}
	for i, x := range d.Resources {
		r.resAt[x.ID] = i
	}
	for i, e := range d.Audit {
		if _, seen := r.attrsSet[e.Resource]; e.Kind == allocator.AuditAttributes && !seen {
			r.attrsSet[e.Resource] = i
		}
	}
	return r
}

func (r *dumpRows) lease(id allocator.ID) (allocator.Lease, bool) {
	i, ok := r.leaseAt[id]
	if !ok {
		return allocator.Lease{}, false
	}
	return r.d.Leases[i], true
}

func (r *dumpRows) resource(id allocator.ID) (allocator.Resource, bool) {
	i, ok := r.resAt[id]
	if !ok {
		return allocator.Resource{}, false
	}
	return r.asReplayed(r.d.Resources[i]), true
}

// asReplayed hides attributes set by a commit the replay has not reached.
func (r *dumpRows) asReplayed(x allocator.Resource) allocator.Resource {
	if at, late := r.attrsSet[x.ID]; late && at > r.replayed {
		x.Attributes, x.AttributesSet = allocator.Attributes{}, false
	}
	return x
}

func (r *dumpRows) leases() iter.Seq[allocator.Lease] { return slices.Values(r.d.Leases) }

func (r *dumpRows) resources() iter.Seq[allocator.Resource] {
	return func(yield func(allocator.Resource) bool) {
		for _, x := range r.d.Resources {
			if !yield(r.asReplayed(x)) {
				return
			}
		}
	}
}

func (r *dumpRows) commands() iter.Seq[allocator.Command] { return slices.Values(r.d.Commands) }
