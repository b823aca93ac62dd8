package allocator

import (
	"slices"
)

// allocate is DrydockLeaseUpdateWorker::executeAllocator for a pending
// lease (docs/drydock.md §3): free -> own pending -> build -> used -> own
// reclaim -> queue reclaim -> yield.
func (a *Allocator) allocate(t Task, l Lease) Outcome {
	if a.strategy.Global {
		if !a.lockWait(a.global, a.timings.GlobalLockWait) {
			return Yield(a.timings.Yield)
		}
		defer a.global.Unlock()
	}
	bps := a.blueprintsFor(l)
	if len(bps) == 0 {
		return a.breakLease(l, BreakNoBlueprint)
	}
	free, used := a.candidates(bps, l)
	a.window(FPAfterCandidates)
	if out, done := a.leaseAny(t, l, free); done {
		return out
	}
	if a.has(FixYieldForPending) && a.hasOwnPending(l) {
		return Yield(a.timings.Yield)
	}
	if out, done := a.buildNew(t, l, bps); done {
		return out
	}
	if out, done := a.leaseAny(t, l, used); done {
		return out
	}
	if out, done := a.reclaim(t, l, bps); done {
		return out
	}
	return Yield(a.timings.Yield)
}

// blueprintsFor is loadBlueprintsForAllocatingLease.
func (a *Allocator) blueprintsFor(l Lease) []Blueprint {
	var out []Blueprint
	for _, bp := range a.store.Blueprints() {
		if bp.Disabled || bp.Impl.Type() != l.Type {
			continue
		}
		if len(l.Blueprints) > 0 && !slices.Contains(l.Blueprints, bp.ID) {
			continue
		}
		if bp.Impl.CanEverAllocate(l) {
			out = append(out, bp)
		}
	}
	return out
}

// candidates is loadAcquirableResourcesForLease plus partitionResources:
// active resources only (another lease's pending resource is never
// offered), split into free and used. All of it is advisory. Before D21807
// pending resources were queried too and left to the blueprint's filter.
func (a *Allocator) candidates(bps []Blueprint, l Lease) (free, used []Resource) {
	offered := func(s ResourceStatus) bool { return s == ResourceActive }
	if !a.has(FixYieldForPending) {
		offered = ResourceStatus.Live
	}
	for _, bp := range bps {
		for _, r := range a.store.ResourcesOf(bp.ID, offered) {
			if !bp.Impl.CanAcquireLease(a.view, r, l) {
				continue
			}
			if bp.Impl.PrefersSupplemental() && a.view.LinkedLeases(r.ID) > 0 {
				used = append(used, r)
			} else {
				free = append(free, r)
			}
		}
	}
	return free, used
}

// hasOwnPending is yieldForPendingResources (D21807): a resource this lease
// built is still pending.
func (a *Allocator) hasOwnPending(l Lease) bool {
	for _, id := range l.Allocated {
		if r, err := a.store.Resource(id); err == nil && r.Status == ResourcePending {
			return true
		}
	}
	return false
}

// buildNew is newLeasedResource. done is false when no blueprint could or
// did build, and allocation falls through to used resources. Blueprints
// that fail are logged and swallowed (D19070); before D19070 their failures
// broke the lease unless one of them was a slot-lock collision.
func (a *Allocator) buildNew(t Task, l Lease, bps []Blueprint) (Outcome, bool) {
	var able []Blueprint
	for _, bp := range bps {
		if bp.Impl.CanAllocateResource(a.view, bp, l) && !a.throttled(bp) {
			able = append(able, bp)
		}
	}
	failed, collided := false, false
	for _, bp := range shuffled(a.rand, able) {
		spec, err := bp.Impl.AllocateResource(a.view, bp, l)
		if err != nil {
			failed = true
			continue
		}
		a.window(FPBeforeAllocateResource)
		r, err := a.saveNewResource(t, &l, bp, spec)
		if IsSlotConflict(err) {
			a.metrics.AllocationConflicts++
			collided = true
			continue
		}
		if err != nil {
			return Failure(err), true
		}
		if r.Status == ResourcePending {
			a.queue.Schedule(TaskResourceUpdate, r.ID)
			return Yield(a.timings.Yield), true
		}
		if out, done := a.leaseAny(t, l, []Resource{r}); done {
			return out, true
		}
		return Yield(a.timings.Yield), true
	}
	if failed && !a.has(FixAllocateFailureYields) {
		if collided {
			return Yield(a.timings.Yield), true // the aggregate held a temporary failure
		}
		return a.breakLease(l, BreakAllocationFailed), true
	}
	return Outcome{}, false
}

// throttled is the growth throttle D14236 put in
// DrydockBlueprintImplementation::shouldLimitAllocatingPoolSize and D21808
// removed with D21807: resources in flight (pending) may number at most
// max(1, ceil(25% of the active ones)). The pre-D21807 code had it.
func (a *Allocator) throttled(bp Blueprint) bool {
	if a.has(FixYieldForPending) {
		return false
	}
	n := a.view.CountByStatus(bp.ID)
	pending, active := n[ResourcePending], n[ResourceActive]
	return pending >= 1 && pending >= (active+3)/4
}

// saveNewResource is the resource's first save: row and slot locks in one
// transaction, so a loser leaves nothing behind. Without
// attributes-before-save the attributes follow in a second save.
func (a *Allocator) saveNewResource(t Task, l *Lease, bp Blueprint, spec ResourceSpec) (Resource, error) {
	r := Resource{
		Blueprint: bp.ID, Type: bp.Impl.Type(), Status: ResourcePending, AllocatedBy: l.ID,
		Awaken: []TaskID{t.ID},
	}
	if spec.ActivateWhenAllocated {
		r.Status = ResourceActive
	}
	early := a.has(FixAttributesBeforeSave)
	if early {
		r.Attributes, r.AttributesSet = spec.Attributes, true
	}
	keys := a.slotKeys(spec.SlotLocks)
	err := a.store.Tx("resource.allocate", func(tx *Tx) error {
		// Lisk stamps dateCreated and dateModified when the row is saved,
		// not when the object was built: canReclaimResource reads them.
		r.Created, r.Modified = a.now(), a.now()
		r.ID = tx.InsertResource(r)
		if err := tx.AcquireSlotLocks(ResourceRef(r.ID), keys); err != nil {
			return err
		}
		tx.Audit(AuditEntry{Kind: AuditAllocate, Lease: l.ID, Resource: r.ID})
		tx.Audit(AuditEntry{Kind: AuditResourceStatus, Resource: r.ID, To: uint8(r.Status), Cause: "allocated"})
		if r.Status == ResourcePending && a.has(FixYieldForPending) {
			// internal.resourcePHIDs.allocated came with D21807.
			l.Allocated = append(l.Allocated, r.ID)
			return tx.SaveLease(*l)
		}
		return nil
	})
	if err != nil || early {
		return r, err
	}
	a.window(FPBeforeSaveAttributes)
	err = a.store.Tx("resource.attributes", func(tx *Tx) error {
		cur, err := tx.Resource(r.ID)
		if err != nil {
			return err
		}
		cur.Attributes, cur.AttributesSet = spec.Attributes, true
		r = cur
		tx.Audit(AuditEntry{Kind: AuditAttributes, Resource: r.ID})
		return tx.SaveResource(cur)
	})
	return r, err
}

// slotKeys keeps the slot locks whose fix the strategy has.
func (a *Allocator) slotKeys(locks []SlotLock) []string {
	var keys []string
	for _, s := range locks {
		switch {
		case s.Class == SlotBinding && !a.has(FixBindingSlotLocks):
		case s.Class == SlotLimit && !a.has(FixLimitSlotLocks):
		default:
			keys = append(keys, s.Key)
		}
	}
	return keys
}
