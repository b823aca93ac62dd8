package allocator

import "slices"

// reclaim is yieldForReclaimingResources then reclaimAnyResource: wait for
// a reclaim this lease already asked for, else ask for one on the first idle
// resource of a blueprint the lease may use. Blueprints and their active
// resources are shuffled (rankBlueprints, reclaimResources), and any idle
// active resource qualifies, even one the lease could not use. A reclaim is
// always a command for the resource's worker: Drydock never reclaimed any
// other way (D14819).
func (a *Allocator) reclaim(t Task, l Lease, bps []Blueprint) (Outcome, bool) {
	for _, id := range l.Reclaimed {
		if r, err := a.store.Resource(id); err == nil && (r.Status == ResourceActive || r.Status == ResourceReleased) {
			return Yield(a.timings.Yield), true
		}
	}
	for _, bp := range shuffled(a.rand, bps) {
		active := a.store.ResourcesOf(bp.ID, func(s ResourceStatus) bool { return s == ResourceActive })
		for _, r := range shuffled(a.rand, active) {
			if a.idle(r) {
				return a.requestReclaim(t, l, r), true
			}
		}
	}
	return Outcome{}, false
}

// idle is DrydockWorker::canReclaimResource: unmodified for ReclaimIdle, no
// lease that is pending, acquired, active, released or broken, and no lease
// destroyed within ReclaimIdle (T13676). It reads without a lock.
func (a *Allocator) idle(r Resource) bool {
	now := a.now()
	if now.Sub(r.Modified) < a.timings.ReclaimIdle {
		return false
	}
	for _, l := range a.store.LeasesOn(r.ID) {
		if l.Status != LeaseDestroyed || now.Sub(l.Modified) < a.timings.ReclaimIdle {
			return false
		}
	}
	return true
}

// requestReclaim is DrydockWorker::reclaimResource: the lease records the
// resource and queues a reclaim command in one transaction (D19753), then
// schedules the resource and yields.
func (a *Allocator) requestReclaim(t Task, l Lease, r Resource) Outcome {
	l.Reclaimed = append(slices.Clip(l.Reclaimed), r.ID)
	err := a.store.Tx("lease.reclaim", func(tx *Tx) error {
		tx.InsertCommand(Command{Target: ResourceRef(r.ID), Kind: CommandReclaim, Author: LeaseRef(l.ID), Awaken: []TaskID{t.ID}})
		return tx.SaveLease(l)
	})
	if err != nil {
		return Failure(err)
	}
	a.queue.Schedule(TaskResourceUpdate, r.ID)
	return Yield(a.timings.Yield)
}
