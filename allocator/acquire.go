package allocator

import (
	"errors"
	"fmt"
	"slices"
)

// leaseAny is leaseAnyResource: try the resources in a shuffled order and
// stop at the first that takes the lease. If none does, a temporary failure
// (lock timeout, slot conflict, broken resource) yields; only errors break
// the lease. With no resources at all it is not done.
func (a *Allocator) leaseAny(t Task, l Lease, rs []Resource) (Outcome, bool) {
	if len(rs) == 0 {
		return Outcome{}, false
	}
	temporary, errs := false, 0
	for _, r := range shuffled(a.rand, slices.Clone(rs)) {
		status, err := a.acquireOn(l, r)
		switch {
		case err == nil && status == LeaseAcquired:
			a.queue.Schedule(TaskLeaseUpdate, l.ID) // the follow-up that activates it
			return Finish(), true
		case err == nil:
			return Finish(), true // active already (Almanac): no follow-up
		case errors.Is(err, ErrTemporary):
			temporary = true
		default:
			errs++
		}
	}
	if temporary {
		return Yield(a.timings.Yield), true
	}
	return a.breakLease(l, BreakAcquireErrors), true
}

// acquireOn is the blueprint's acquireLease then
// DrydockLease::acquireOnResource. It returns the lease's new status.
//
// With resource-lock-on-acquire (D19080) it takes the resource lock (15 s
// wait), reloads the resource and checks only its status (active or
// pending) before writing the slot locks and the link in one transaction;
// capacity is the slot insert's job alone. Before D19080 the link was
// written on the caller's copy of the resource: no lock, no reload, no
// check. A lease that activates as it is acquired (Almanac) is refused on
// a pending resource before any lock, on that same copy.
func (a *Allocator) acquireOn(l Lease, r Resource) (LeaseStatus, error) {
	spec, err := a.blueprintImpl(r.Blueprint).AcquireLease(a.view, r, l)
	if err != nil {
		return l.Status, err
	}
	to := LeaseAcquired
	if spec.ActivateWhenAcquired {
		to = LeaseActive
		if r.Status == ResourcePending {
			return l.Status, fmt.Errorf("lease %d would activate on resource %d, which is still pending", l.ID, r.ID)
		}
	}
	keys := a.slotKeys(spec.SlotLocks)
	if a.has(FixResourceLockOnAcquire) {
		lk := a.resourceLock(r.ID)
		if !a.lockWait(lk, a.timings.ResourceLockWait) {
			return l.Status, fmt.Errorf("resource %d: lock wait timed out: %w", r.ID, ErrTemporary)
		}
		err = a.linkReloaded(l, r.ID, to, keys)
		lk.Unlock()
	} else {
		a.window(FPBeforeLinkLease)
		err = a.link(l, r, to, keys)
	}
	if err == nil && to == LeaseActive {
		// Before D19080 too: acquireOnResource calls didActivate once the
		// active lease is saved (its expiry scheduled, its holder woken).
		a.didActivateLease(l.ID)
	}
	return to, err
}

// linkReloaded is the locked part of acquireOnResource: reload, check the
// status, link.
func (a *Allocator) linkReloaded(l Lease, rid ID, to LeaseStatus, keys []string) error {
	cur, err := a.store.Resource(rid)
	if err != nil {
		return err
	}
	if cur.Status != ResourcePending && cur.Status != ResourceActive {
		// DrydockAcquiredBrokenResourceException: the worker yields.
		return fmt.Errorf("resource %d is %s: %w", rid, cur.Status, ErrTemporary)
	}
	a.window(FPBeforeLinkLease)
	return a.link(l, cur, to, keys)
}

// link writes the lease's slot locks and its new status in one
// transaction, and audits the resource's status at that instant.
func (a *Allocator) link(l Lease, r Resource, to LeaseStatus, keys []string) error {
	from := l.Status
	if err := l.SetStatus(to, a.now()); err != nil {
		return err
	}
	l.Resource = r.ID
	if to == LeaseActive {
		l.Activated = a.now()
	}
	return a.store.Tx("lease.acquire", func(tx *Tx) error {
		if err := tx.AcquireSlotLocks(LeaseRef(l.ID), keys); err != nil {
			return err
		}
		stored, err := tx.Resource(r.ID)
		if err != nil {
			return err
		}
		tx.Audit(AuditEntry{Kind: AuditLink, Lease: l.ID, Resource: r.ID, ResourceStatus: stored.Status})
		tx.Audit(AuditEntry{Kind: AuditLeaseStatus, Lease: l.ID, Resource: r.ID, From: uint8(from), To: uint8(to), Cause: "acquired"})
		return tx.SaveLease(l)
	})
}
