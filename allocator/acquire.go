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
		err := a.acquireOn(l, r)
		switch {
		case err == nil:
			a.queue.Schedule(TaskLeaseUpdate, l.ID) // the follow-up that activates it
			return Finish(), true
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

// acquireOn is DrydockLease::acquireOnResource: re-read the resource, take
// the lease's slot locks and link, with the resource lock held around all
// of it when the strategy has resource-lock-on-acquire.
func (a *Allocator) acquireOn(l Lease, r Resource) error {
	if a.has(FixResourceLockOnAcquire) {
		lk := a.resourceLock(r.ID)
		if !a.lockWait(lk, a.timings.ResourceLockWait) {
			return fmt.Errorf("resource %d: lock wait timed out: %w", r.ID, ErrTemporary)
		}
		defer lk.Unlock()
	}
	cur, err := a.store.Resource(r.ID)
	if err != nil {
		return err
	}
	if cur.Status != ResourcePending && cur.Status != ResourceActive {
		return fmt.Errorf("resource %d is %s: %w", r.ID, cur.Status, ErrTemporary)
	}
	impl := a.blueprintImpl(cur.Blueprint)
	if !impl.CanAcquireLease(a.view, cur, l) {
		return fmt.Errorf("resource %d can no longer take lease %d: %w", r.ID, l.ID, ErrTemporary)
	}
	slots, err := impl.AcquireLease(a.view, cur, l)
	if err != nil {
		return err
	}
	a.window(FPBeforeLinkLease)
	return a.link(l, cur, a.slotKeys(slots))
}

// link writes the lease's slot locks and its acquired status in one
// transaction, and audits the resource's status at that instant.
func (a *Allocator) link(l Lease, r Resource, keys []string) error {
	from := l.Status
	if err := l.SetStatus(LeaseAcquired, a.now()); err != nil {
		return err
	}
	l.Resource = r.ID
	return a.store.Tx("lease.acquire", func(tx *Tx) error {
		if err := tx.AcquireSlotLocks(LeaseRef(l.ID), keys); err != nil {
			return err
		}
		stored, err := tx.Resource(r.ID)
		if err != nil {
			return err
		}
		tx.Audit(AuditEntry{Kind: AuditLink, Lease: l.ID, Resource: r.ID, ResourceStatus: stored.Status})
		tx.Audit(AuditEntry{Kind: AuditLeaseStatus, Lease: l.ID, Resource: r.ID, From: uint8(from), To: uint8(LeaseAcquired), Cause: "acquired"})
		a.auditSteal(tx, l.ID, stored)
		return tx.SaveLease(l)
	})
}

// auditSteal records a pending-steal: the resource was built by another
// lease that is still waiting for it.
func (a *Allocator) auditSteal(tx *Tx, taker ID, r Resource) {
	if r.AllocatedBy == 0 || r.AllocatedBy == taker {
		return
	}
	builder, err := tx.Lease(r.AllocatedBy)
	if err == nil && builder.Status == LeasePending && slices.Contains(builder.Allocated, r.ID) {
		tx.Audit(AuditEntry{Kind: AuditSteal, Lease: taker, Resource: r.ID, Other: builder.ID})
	}
}
