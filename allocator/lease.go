package allocator

import (
	"fmt"
	"time"
)

// LeaseRequest is what a requester asks for.
type LeaseRequest struct {
	Type       string
	Wants      Attributes
	Blueprints []ID // allowed blueprints; empty means any
	// Until, if set, is when the lease expires (bin/drydock lease --until).
	Until time.Time
}

// RequestLease creates a pending lease and queues its first update
// (DrydockLease::queueForActivation). Call it from a runtime task.
func (a *Allocator) RequestLease(req LeaseRequest) (ID, error) {
	var id ID
	err := a.store.Tx("lease.request", func(tx *Tx) error {
		now := a.now()
		id = tx.InsertLease(Lease{
			Type: req.Type, Status: LeasePending, Wants: req.Wants, Blueprints: req.Blueprints,
			Requested: now, Modified: now, Until: req.Until,
		})
		tx.Audit(AuditEntry{Kind: AuditLeaseStatus, Lease: id, To: uint8(LeasePending), Cause: "requested"})
		return nil
	})
	if err != nil {
		return 0, err
	}
	a.queue.Schedule(TaskLeaseUpdate, id)
	return id, nil
}

// Release asks for a lease to be released on behalf of actor. With the
// command queue the lease worker does it; without, the caller does it
// itself, which is the double-release race (D14143).
func (a *Allocator) Release(id ID, actor Ref) error {
	if !a.has(FixReleaseViaCommandQueue) {
		return a.releaseLeaseDirect(id, actor)
	}
	return a.queueCommand(LeaseRef(id), CommandRelease, actor, nil)
}

func (a *Allocator) queueCommand(target Ref, kind CommandKind, author Ref, awaken []TaskID) error {
	err := a.store.Tx("command.queue", func(tx *Tx) error {
		tx.InsertCommand(Command{Target: target, Kind: kind, Author: author, Awaken: awaken})
		return nil
	})
	if err != nil {
		return err
	}
	taskKind := TaskLeaseUpdate
	if target.Kind == KindResource {
		taskKind = TaskResourceUpdate
	}
	a.queue.Schedule(taskKind, target.ID)
	return nil
}

// updateLease is DrydockLeaseUpdateWorker::doWork: the lease's single
// writer, holding the lease lock for the whole run.
func (a *Allocator) updateLease(t Task) Outcome {
	lk := a.leaseLock(t.Object)
	if !a.lockWait(lk, a.timings.WorkerLockWait) {
		return Failure(fmt.Errorf("lease %d: lock wait of %v timed out", t.Object, a.timings.WorkerLockWait))
	}
	defer lk.Unlock()
	l, err := a.store.Lease(t.Object)
	if err != nil {
		return Permanent(err)
	}
	if l.Status.Commandable() {
		if err := a.checkExpiration(l); err != nil {
			return Failure(err)
		}
		if l, err = a.processLeaseCommands(l); err != nil {
			return Failure(err)
		}
	}
	switch l.Status {
	case LeasePending:
		return a.allocate(t, l)
	case LeaseAcquired:
		return a.activateLease(l)
	case LeaseReleased, LeaseBroken:
		if err := a.destroyLease(&l); err != nil {
			return Failure(err)
		}
	}
	return Finish()
}

// processLeaseCommands consumes the lease's commands in ID order while it
// stays commandable; a duplicate release stays unconsumed for ever. Without
// FixCommandLoopStops (phorge since D26884) every command runs, and a
// second release releases the destroyed lease again.
func (a *Allocator) processLeaseCommands(l Lease) (Lease, error) {
	for _, c := range a.store.PendingCommands(LeaseRef(l.ID)) {
		if a.has(FixCommandLoopStops) && !l.Status.Commandable() {
			break
		}
		if c.Kind == CommandRelease {
			var err error
			if l, err = a.releaseLease(l, origin{cause: CauseReleaseCommand, actor: c.Author, command: c.ID}); err != nil {
				return l, err
			}
		}
		if err := a.consume(c); err != nil {
			return l, err
		}
	}
	return l, nil
}

func (a *Allocator) consume(c Command) error {
	err := a.store.Tx("command.consume", func(tx *Tx) error { return tx.ConsumeCommand(c.ID) })
	a.queue.Awaken(c.Awaken)
	return err
}

// origin says who asked for a release: why, on whose behalf, and the
// command that carried the request (0 for a direct release).
type origin struct {
	cause   string
	actor   Ref
	command ID
}

// releaseLease releases l, runs the release hook and destroys it in the
// same run. l is the caller's copy: the write is blind, which is safe only
// for the single writer.
func (a *Allocator) releaseLease(l Lease, o origin) (Lease, error) {
	from := l.Status
	l.WriteStatus(LeaseReleased, a.now())
	err := a.store.Tx("lease.release", func(tx *Tx) error {
		tx.Audit(AuditEntry{Kind: AuditLeaseStatus, Lease: l.ID, From: uint8(from), To: uint8(LeaseReleased), Cause: o.cause, Actor: o.actor, Command: o.command})
		return tx.SaveLease(l)
	})
	if err != nil {
		return l, err
	}
	if l.Resource != 0 {
		a.runLeaseHook(l, HookDidReleaseLease)
	}
	err = a.destroyLease(&l)
	return l, err
}

// destroyLease runs the destroy hook, frees the lease's slot locks and
// marks it destroyed, in the caller's copy too.
func (a *Allocator) destroyLease(l *Lease) error {
	if l.Resource != 0 {
		a.runLeaseHook(*l, HookDestroyLease)
	}
	if err := a.releaseSlotLocks(LeaseRef(l.ID)); err != nil {
		return err
	}
	from := l.Status
	l.WriteStatus(LeaseDestroyed, a.now())
	err := a.store.Tx("lease.destroy", func(tx *Tx) error {
		tx.Audit(AuditEntry{Kind: AuditLeaseStatus, Lease: l.ID, From: uint8(from), To: uint8(LeaseDestroyed), Cause: "destroy"})
		return tx.SaveLease(*l)
	})
	if err == nil {
		a.awakenHolder(l.ID)
	}
	return err
}

// releaseSlotLocks is DrydockSlotLock::releaseLocks: one statement of its
// own, not part of the status save that follows it. Between the two the
// owner holds no slot yet is not destroyed.
func (a *Allocator) releaseSlotLocks(owner Ref) error {
	return a.store.Tx("slotlock.release", func(tx *Tx) error {
		tx.ReleaseSlotLocks(owner)
		return nil
	})
}

func (a *Allocator) runLeaseHook(l Lease, hook string) {
	r, err := a.store.Resource(l.Resource)
	if err != nil {
		return
	}
	impl := a.blueprintImpl(r.Blueprint)
	_ = a.hook(hook, r.ID, l.ID, func() error {
		if hook == HookDidReleaseLease {
			impl.DidReleaseLease(r, l)
		} else {
			impl.DestroyLease(r, l)
		}
		return nil
	})
}

// hook runs a blueprint hook between two audit facts, its start and its
// end (with its error), so that the checker sees which hooks overlap.
func (a *Allocator) hook(name string, resource, lease ID, run func() error) error {
	a.store.Note(AuditEntry{Kind: AuditHookStart, Hook: name, Lease: lease, Resource: resource})
	err := run()
	end := AuditEntry{Kind: AuditHook, Hook: name, Lease: lease, Resource: resource}
	if err != nil {
		end.Cause = err.Error()
	}
	a.store.Note(end)
	return err
}

// releaseLeaseDirect is a release without the command queue: whoever wants
// the lease gone reads it and writes it. Two such callers both run the
// release hooks.
func (a *Allocator) releaseLeaseDirect(id ID, actor Ref) error {
	l, err := a.store.Lease(id)
	if err != nil {
		return err
	}
	if !l.Status.Releasable() {
		return nil
	}
	a.window(FPBeforeReleaseLease)
	_, err = a.releaseLease(l, origin{cause: CauseDirect, actor: actor})
	return err
}

// breakLease breaks l for cause, queues the update that destroys it, and
// fails the task permanently.
func (a *Allocator) breakLease(l Lease, cause BreakCause) Outcome {
	from := l.Status
	if err := l.SetStatus(LeaseBroken, a.now()); err != nil {
		return Failure(err)
	}
	l.BreakCause = cause
	err := a.store.Tx("lease.break", func(tx *Tx) error {
		tx.Audit(AuditEntry{Kind: AuditLeaseStatus, Lease: l.ID, From: uint8(from), To: uint8(LeaseBroken), Cause: cause.String()})
		return tx.SaveLease(l)
	})
	if err != nil {
		return Failure(err)
	}
	a.queue.Schedule(TaskLeaseUpdate, l.ID)
	a.awakenHolder(l.ID)
	return Permanent(fmt.Errorf("lease %d broken: %s", l.ID, cause))
}

// activateLease is the acquired -> active step. It takes no resource lock
// (a NOTE in Drydock's activateLease accepts that).
func (a *Allocator) activateLease(l Lease) Outcome {
	r, err := a.store.Resource(l.Resource)
	if err != nil {
		return Failure(err)
	}
	switch {
	case r.Status == ResourcePending:
		return Yield(a.timings.Yield)
	case r.Status != ResourceActive:
		return a.throwBack(l)
	}
	a.window(FPBeforeActivateLease)
	activate := func() error { return a.blueprintImpl(r.Blueprint).ActivateLease(r, l) }
	if err := a.hook(HookActivateLease, r.ID, l.ID, activate); err != nil {
		return a.breakLease(l, BreakActivation)
	}
	from := l.Status
	if err := l.SetStatus(LeaseActive, a.now()); err != nil {
		return Failure(err)
	}
	l.Activated = a.now()
	err = a.store.Tx("lease.activate", func(tx *Tx) error {
		tx.Audit(AuditEntry{Kind: AuditLeaseStatus, Lease: l.ID, Resource: r.ID, From: uint8(from), To: uint8(LeaseActive), Cause: "activated"})
		return tx.SaveLease(l)
	})
	if err != nil {
		return Failure(err)
	}
	a.didActivateLease(l.ID)
	return Finish()
}

// didActivateLease is DrydockLease::didActivate: if commands came in while
// the lease was activating, run the lease again to consume them; schedule
// a run at its expiry; then wake its holder.
func (a *Allocator) didActivateLease(id ID) {
	if len(a.store.PendingCommands(LeaseRef(id))) > 0 {
		a.queue.Schedule(TaskLeaseUpdate, id)
	}
	if l, err := a.store.Lease(id); err == nil && !l.Until.IsZero() {
		a.queue.ScheduleAt(TaskLeaseUpdate, id, l.Until)
	}
	a.awakenHolder(id)
}

// checkExpiration is DrydockWorker::checkObjectExpiration: once the lease
// is past its expiry, release it on Drydock's behalf. With the command
// queue that is a release command the same run consumes.
func (a *Allocator) checkExpiration(l Lease) error {
	if l.Until.IsZero() || a.now().Before(l.Until) {
		return nil
	}
	if !a.has(FixReleaseViaCommandQueue) {
		return a.releaseLeaseDirect(l.ID, DrydockRef())
	}
	return a.store.Tx("command.queue", func(tx *Tx) error {
		tx.InsertCommand(Command{Target: LeaseRef(l.ID), Kind: CommandRelease, Author: DrydockRef()})
		return nil
	})
}

// throwBack returns an acquired lease whose resource failed to the pool
// (D19076): it frees its slot locks, forgets the resource and yields.
func (a *Allocator) throwBack(l Lease) Outcome {
	from := l.Status
	if err := l.SetStatus(LeasePending, a.now()); err != nil {
		return Failure(err)
	}
	old := l.Resource
	l.Resource = 0
	if err := a.releaseSlotLocks(LeaseRef(l.ID)); err != nil {
		return Failure(err)
	}
	err := a.store.Tx("lease.throwback", func(tx *Tx) error {
		tx.Audit(AuditEntry{Kind: AuditLeaseStatus, Lease: l.ID, Resource: old, From: uint8(from), To: uint8(LeasePending), Cause: "resource-failed"})
		return tx.SaveLease(l)
	})
	if err != nil {
		return Failure(err)
	}
	return Yield(a.timings.Yield)
}

func (a *Allocator) blueprintImpl(id ID) BlueprintImpl {
	return a.store.blueprints[id-1].Impl
}
