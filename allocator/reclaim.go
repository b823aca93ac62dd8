package allocator

import "slices"

// reclaim is yieldForReclaimingResources then reclaimAnyResource: wait for
// a reclaim this lease already asked for, else ask for one on the first idle
// resource. The lease never releases a resource itself when it has the
// command queue; without it, it does (the PHI312 race).
func (a *Allocator) reclaim(t Task, l Lease, bps []Blueprint) (Outcome, bool) {
	for _, id := range l.Reclaimed {
		if r, err := a.store.Resource(id); err == nil && (r.Status == ResourceActive || r.Status == ResourceReleased) {
			return Yield(a.timings.Yield), true
		}
	}
	for _, bp := range bps {
		active := a.store.ResourcesOf(bp.ID, func(s ResourceStatus) bool { return s == ResourceActive })
		for _, r := range shuffled(a.rand, active) {
			if bp.Impl.CanReclaimResource(r) && a.idle(r) {
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

func (a *Allocator) requestReclaim(t Task, l Lease, r Resource) Outcome {
	l.Reclaimed = append(slices.Clip(l.Reclaimed), r.ID)
	if !a.has(FixReleaseViaCommandQueue) {
		a.window(FPBeforeReclaimRelease)
		err := a.store.Tx("lease.reclaimed", func(tx *Tx) error { return tx.SaveLease(l) })
		if err == nil {
			err = a.releaseResource(r, CauseReclaim, LeaseRef(l.ID))
		}
		if err != nil {
			return Failure(err)
		}
		return Yield(a.timings.Yield)
	}
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
