package allocator

import "fmt"

// ReleaseResource asks for a resource to be released on behalf of actor
// (bin/drydock release-resource).
func (a *Allocator) ReleaseResource(id ID, actor Ref) error {
	if !a.has(FixReleaseViaCommandQueue) {
		r, err := a.store.Resource(id)
		if err != nil || !r.Status.Releasable() {
			return err
		}
		a.window(FPBeforeReleaseResource)
		return a.releaseResource(r, origin{cause: CauseDirect, actor: actor})
	}
	return a.queueCommand(ResourceRef(id), CommandRelease, actor, nil)
}

// ReclaimResource asks for an idle resource to be reclaimed on behalf of
// actor (bin/drydock reclaim): a reclaim command, whatever the strategy,
// because reclaim only ever existed as one (D14819).
func (a *Allocator) ReclaimResource(id ID, actor Ref) error {
	return a.queueCommand(ResourceRef(id), CommandReclaim, actor, nil)
}

// updateResource is DrydockResourceUpdateWorker::doWork: the resource's
// single writer, holding the resource lock for the whole run.
func (a *Allocator) updateResource(t Task) Outcome {
	lk := a.resourceLock(t.Object)
	if !a.lockWait(lk, a.timings.WorkerLockWait) {
		return Failure(fmt.Errorf("resource %d: lock wait of %v timed out", t.Object, a.timings.WorkerLockWait))
	}
	defer lk.Unlock()
	r, err := a.store.Resource(t.Object)
	if err != nil {
		return Permanent(err)
	}
	if r.Status.Commandable() {
		if r, err = a.processResourceCommands(r); err != nil {
			return Failure(err)
		}
	}
	switch r.Status {
	case ResourcePending:
		return a.activateResource(r)
	case ResourceReleased, ResourceBroken:
		if err := a.destroyResource(r); err != nil {
			return Failure(err)
		}
	}
	return Finish()
}

// processResourceCommands consumes release and reclaim commands in ID
// order. A reclaim re-checks idleness under the resource lock (D19080)
// and is a no-op when the resource is busy.
func (a *Allocator) processResourceCommands(r Resource) (Resource, error) {
	if a.strategy.Global {
		if !a.lockWait(a.global, a.timings.GlobalLockWait) {
			return r, fmt.Errorf("resource %d: global lock wait timed out", r.ID)
		}
		defer a.global.Unlock()
	}
	for _, c := range a.store.PendingCommands(ResourceRef(r.ID)) {
		if a.has(FixCommandLoopStops) && !r.Status.Commandable() {
			break
		}
		cause := CauseReleaseCommand
		if c.Kind == CommandReclaim {
			cause = CauseReclaim
		}
		if c.Kind == CommandRelease || !a.has(FixReclaimRecheckUnderLock) || a.idle(r) {
			if err := a.releaseResource(r, origin{cause: cause, actor: c.Author, command: c.ID}); err != nil {
				return r, err
			}
			cur, err := a.store.Resource(r.ID)
			if err != nil {
				return r, err
			}
			r = cur
		}
		if err := a.consume(c); err != nil {
			return r, err
		}
	}
	return r, nil
}

// releaseResource releases r, sends every live lease on it a release, and
// destroys r in the same run. r is the caller's copy (a blind write), safe
// only for the single writer.
func (a *Allocator) releaseResource(r Resource, o origin) error {
	if o.cause == CauseReclaim {
		a.window(FPBeforeReclaimRelease)
	}
	from := r.Status
	r.WriteStatus(ResourceReleased, a.now())
	err := a.store.Tx("resource.release", func(tx *Tx) error {
		var live []ID
		for _, l := range tx.LeasesOn(r.ID) {
			if l.Status.Linked() {
				live = append(live, l.ID)
			}
		}
		tx.Audit(AuditEntry{Kind: AuditResourceRelease, Resource: r.ID, Cause: o.cause, Live: live, Actor: o.actor, Command: o.command})
		tx.Audit(AuditEntry{Kind: AuditResourceStatus, Resource: r.ID, From: uint8(from), To: uint8(ResourceReleased), Cause: o.cause, Command: o.command})
		return tx.SaveResource(r)
	})
	if err != nil {
		return err
	}
	if err := a.cascadeRelease(r); err != nil {
		return err
	}
	return a.destroyResource(r)
}

// cascadeRelease releases every pending, acquired or active lease on r:
// by command when there is a command queue, directly otherwise.
func (a *Allocator) cascadeRelease(r Resource) error {
	for _, l := range a.store.LeasesOn(r.ID) {
		if !l.Status.Activating() && l.Status != LeaseActive {
			continue
		}
		var err error
		if a.has(FixReleaseViaCommandQueue) {
			err = a.queueCommand(LeaseRef(l.ID), CommandRelease, ResourceRef(r.ID), nil)
		} else {
			err = a.releaseLeaseDirect(l.ID, ResourceRef(r.ID))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// destroyResource runs the destroy hook, then frees the slot locks and
// marks r destroyed. If the hook fails, the status stays and the task
// retries.
func (a *Allocator) destroyResource(r Resource) error {
	impl := a.blueprintImpl(r.Blueprint)
	if err := a.hook(HookDestroyResource, r.ID, 0, func() error { return impl.DestroyResource(r) }); err != nil {
		return fmt.Errorf("resource %d: destroy: %w", r.ID, err)
	}
	if err := a.releaseSlotLocks(ResourceRef(r.ID)); err != nil {
		return err
	}
	a.window(FPAfterSlotRelease)
	from := r.Status
	r.WriteStatus(ResourceDestroyed, a.now())
	return a.store.Tx("resource.destroy", func(tx *Tx) error {
		tx.Audit(AuditEntry{Kind: AuditResourceStatus, Resource: r.ID, From: uint8(from), To: uint8(ResourceDestroyed), Cause: "destroy"})
		return tx.SaveResource(r)
	})
}

// activateResource sets a pending resource up. On failure it breaks; the
// next run destroys it and frees its slot locks. No lease is told: the
// allocating lease allocates again, and acquired leases are thrown back
// when they next run.
func (a *Allocator) activateResource(r Resource) Outcome {
	a.window(FPBeforeActivateResource)
	activate := func() error { return a.blueprintImpl(r.Blueprint).ActivateResource(r) }
	if err := a.hook(HookActivateResource, r.ID, 0, activate); err != nil {
		return a.breakResource(r, err)
	}
	var awaken []TaskID
	err := a.store.Tx("resource.activate", func(tx *Tx) error {
		cur, err := tx.Resource(r.ID)
		if err != nil {
			return err
		}
		from := cur.Status
		if err := cur.SetStatus(ResourceActive, a.now()); err != nil {
			return err
		}
		awaken, cur.Awaken = cur.Awaken, nil
		tx.Audit(AuditEntry{Kind: AuditResourceStatus, Resource: r.ID, From: uint8(from), To: uint8(ResourceActive), Cause: "activated"})
		return tx.SaveResource(cur)
	})
	if err != nil {
		return Failure(err)
	}
	a.queue.Awaken(awaken)
	if len(a.store.PendingCommands(ResourceRef(r.ID))) > 0 {
		a.queue.Schedule(TaskResourceUpdate, r.ID) // didActivate
	}
	return Finish()
}

func (a *Allocator) breakResource(r Resource, cause error) Outcome {
	err := a.store.Tx("resource.break", func(tx *Tx) error {
		cur, err := tx.Resource(r.ID)
		if err != nil {
			return err
		}
		from := cur.Status
		if err := cur.SetStatus(ResourceBroken, a.now()); err != nil {
			return err
		}
		tx.Audit(AuditEntry{Kind: AuditResourceStatus, Resource: r.ID, From: uint8(from), To: uint8(ResourceBroken), Cause: cause.Error()})
		return tx.SaveResource(cur)
	})
	if err != nil {
		return Failure(err)
	}
	a.queue.Schedule(TaskResourceUpdate, r.ID)
	return Permanent(fmt.Errorf("resource %d broken: %w", r.ID, cause))
}
