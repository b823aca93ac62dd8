package stores

import (
	"fmt"
	"slices"
	"time"

	"pgregory.net/rapid"

	"github.com/drysim/drysim/allocator"
)

// step is one write inside a failing transaction.
type step func(tx *allocator.Tx, tg *target) error

// failHalfWay runs a transaction of several writes that then fails: on a
// write that fails (a slot-lock conflict, a save of a missing row) or by
// returning an error after the last one. Every store must answer the same and keep
// exactly the rows it had: nothing of the transaction is left.
func (m *machine) failHalfWay(t *rapid.T) {
	var steps []step
	for i := range rapid.IntRange(1, 4).Draw(t, "steps") {
		steps = append(steps, m.drawStep(t, i))
	}
	m.same(t, "a transaction that fails half-way", func(tg *target) string {
		before := dumpOf(tg)
		err := tg.store.Tx("half-way", func(tx *allocator.Tx) error {
			for _, s := range steps {
				if err := s(tx, tg); err != nil {
					return err
				}
			}
			return errAbort
		})
		if after := dumpOf(tg); after != before {
			return fmt.Sprintf("%s left rows behind:\nbefore %s\nafter  %s", outcome(tg, err), before, after)
		}
		return outcome(tg, err)
	})
}

func (m *machine) drawStep(t *rapid.T, i int) step {
	label := fmt.Sprint("step", i)
	switch rapid.IntRange(0, 6).Draw(t, label) {
	case 0:
		l := m.drawLease(t)
		return func(tx *allocator.Tx, _ *target) error { tx.InsertLease(l); return nil }
	case 1:
		l, r := m.drawLease(t), drawRank(t, m.leases, "lease")
		return func(tx *allocator.Tx, tg *target) error { l.ID = tg.real(tLease, r); return tx.SaveLease(l) }
	case 2:
		owner, keys := drawRef(t, "owner"), drawKeys(t)
		return func(tx *allocator.Tx, _ *target) error { return tx.AcquireSlotLocks(owner, keys) }
	case 3:
		owner := drawRef(t, "owner")
		return func(tx *allocator.Tx, _ *target) error { tx.ReleaseSlotLocks(owner); return nil }
	case 4:
		c := m.drawCommand(t)
		return func(tx *allocator.Tx, _ *target) error { tx.InsertCommand(c); return nil }
	case 5:
		r := drawRank(t, m.commands, "command")
		return func(tx *allocator.Tx, tg *target) error { return tx.ConsumeCommand(tg.real(tCommand, r)) }
	}
	res := m.drawResource(t)
	return func(tx *allocator.Tx, _ *target) error { tx.InsertResource(res); return nil }
}

// read compares one read, outside any transaction.
func (m *machine) read(t *rapid.T) {
	kind := rapid.IntRange(0, 7).Draw(t, "read")
	lr, rr := drawRank(t, m.leases, "lease"), drawRank(t, m.resources, "resource")
	opaque := allocator.ID(rapid.IntRange(0, 3).Draw(t, "resource"))
	ref, keys, bp := drawRef(t, "target"), drawKeys(t), allocator.ID(rapid.IntRange(1, 2).Draw(t, "blueprint"))
	m.same(t, fmt.Sprint("read ", kind), func(tg *target) string {
		s, v := tg.store, allocator.NewView(tg.store)
		switch kind {
		case 0:
			l, err := s.Lease(tg.real(tLease, lr))
			return outcome(tg, err) + " " + normLease(tg, l)
		case 1:
			r, err := s.Resource(tg.real(tResource, rr))
			return outcome(tg, err) + " " + normResource(tg, r)
		case 2:
			var out []string
			for _, b := range s.LeasesOn(opaque) {
				out = append(out, fmt.Sprint(tg.ranked(tLease, b.ID), b.Status, nanos(stamped(b.Modified))))
			}
			return fmt.Sprint(out)
		case 3:
			var out []string
			for _, c := range s.PendingCommands(ref) {
				out = append(out, normCommand(tg, c))
			}
			return fmt.Sprint(out)
		case 4:
			return fmt.Sprint(s.SlotLocksFree(keys))
		case 5:
			return fmt.Sprint(v.CountByStatus(bp), v.CountResources(bp, allocator.ResourceStatus.Live))
		case 6:
			return fmt.Sprint(v.LinkedLeases(opaque))
		}
		var out []string
		for _, r := range s.ResourcesOf(bp, allocator.ResourceStatus.Releasable) {
			out = append(out, normResource(tg, r))
		}
		return fmt.Sprint(out)
	})
}

// check compares every row and the audit log.
func (m *machine) check(t *rapid.T) {
	m.same(t, "every row", dumpOf)
}

// dumpOf is a store's rows and audit log with IDs by rank and audit
// times left out (each store ran at its own moment of the wall clock).
func dumpOf(tg *target) string {
	d, err := tg.store.Dump()
	if err != nil {
		return "dump: " + err.Error()
	}
	var b []string
	for _, l := range d.Leases {
		b = append(b, normLease(tg, l))
	}
	for _, r := range d.Resources {
		b = append(b, normResource(tg, r))
	}
	for _, c := range d.Commands {
		b = append(b, normCommand(tg, c))
	}
	for _, s := range d.SlotLocks {
		b = append(b, fmt.Sprint("slot ", s.Key, " ", s.Owner))
	}
	for _, e := range d.Audit {
		if e.Kind == allocator.AuditCommand || e.Kind == allocator.AuditConsume {
			e.Command = tg.ranked(tCommand, e.Command)
		}
		b = append(b, fmt.Sprint("audit ", auditArgs(e)[1:]))
	}
	return fmt.Sprint(slices.Clip(b))
}

func normLease(tg *target, l allocator.Lease) string {
	l.Modified = stamped(l.Modified)
	return fmt.Sprint("lease ", tg.ranked(tLease, l.ID), leaseArgs(l))
}

func normResource(tg *target, r allocator.Resource) string {
	r.Created, r.Modified = stamped(r.Created), stamped(r.Modified)
	return fmt.Sprint("resource ", tg.ranked(tResource, r.ID), resourceArgs(r))
}

// stamped maps a save's stamp (the runtime's clock when the save ran,
// which differs from store to store) to one mark; a time the machine drew
// (within a second of drawnEpoch) stays as it is, so a store that kept the
// caller's Modified instead of stamping it shows.
func stamped(t time.Time) time.Time {
	if t.After(time.Unix(drawnEpoch, 0).Add(time.Second)) {
		return time.Unix(0, 1) // "stamped at save"
	}
	return t
}

func normCommand(tg *target, c allocator.Command) string {
	return fmt.Sprint("command ", tg.ranked(tCommand, c.ID), commandArgs(c))
}
