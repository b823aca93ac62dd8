package allocator

import "time"

// View is the read-only store API blueprints use for their coarse checks.
// Every call is one step, and what it returns is advisory.
type View struct{ s *Store }

// NewView returns a view of s, for blueprint tests.
func NewView(s *Store) *View { return &View{s: s} }

// Now is the store's clock.
func (v *View) Now() time.Time { return v.s.rt.Now() }

// CountByStatus counts a blueprint's resources by status, in one read (a
// grouped query).
func (v *View) CountByStatus(bp ID) (n [ResourceDestroyed + 1]int) {
	v.s.rt.StepBegin("store.count")
	defer v.s.rt.StepEnd()
	if v.s.db != nil {
		return dbRead(v.s, func() ([ResourceDestroyed + 1]int, error) { return v.s.db.CountByStatus(bp) })
	}
	for _, r := range v.s.resources {
		if r.Blueprint == bp {
			n[r.Status]++
		}
	}
	return n
}

// CountResources counts blueprint bp's resources whose status passes keep.
func (v *View) CountResources(bp ID, keep func(ResourceStatus) bool) (n int) {
	v.s.rt.StepBegin("store.count")
	defer v.s.rt.StepEnd()
	if v.s.db != nil {
		byStatus := dbRead(v.s, func() ([ResourceDestroyed + 1]int, error) { return v.s.db.CountByStatus(bp) })
		for st, c := range byStatus {
			if st > 0 && keep(ResourceStatus(st)) {
				n += c
			}
		}
		return n
	}
	for _, r := range v.s.resources {
		if r.Blueprint == bp && keep(r.Status) {
			n++
		}
	}
	return n
}

// SlotLocksFree reports which keys are free now (isLockFree).
func (v *View) SlotLocksFree(keys []string) []bool { return v.s.SlotLocksFree(keys) }

// LinkedLeases counts the acquired and active leases on resource id.
func (v *View) LinkedLeases(id ID) int {
	v.s.rt.StepBegin("store.linked")
	defer v.s.rt.StepEnd()
	return v.s.linkedLeases(id)
}

func (s *Store) linkedLeases(id ID) (n int) {
	if s.db != nil {
		return dbRead(s, func() (int, error) { return s.db.LinkedLeases(id) })
	}
	for _, lid := range s.onResource[id] {
		if int(lid) > len(s.leases) {
			continue // inserted by a transaction that was undone
		}
		if l := &s.leases[lid-1]; l.Resource == id && l.Status.Linked() {
			n++
		}
	}
	return n
}

// Resources reads blueprint bp's resources whose status passes keep.
func (v *View) Resources(bp ID, keep func(ResourceStatus) bool) []Resource {
	return v.s.ResourcesOf(bp, keep)
}
