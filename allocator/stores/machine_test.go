package stores

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/drysim/drysim/allocator"
)

// machine generates the operations of one conformance sequence and applies
// each to every target, comparing what they answer.
type machine struct {
	tgs       []*target
	now       time.Time
	leases    int // committed, the same on every target
	resources int
	commands  int
}

var errAbort = errors.New("abort: the transaction gives up half-way")

// outcome classifies an error so that stores can be compared on it:
// which kind of failure, and for a conflict, the key and its holder.
func outcome(tg *target, err error) string {
	var c *allocator.SlotLockConflictError
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &c):
		return fmt.Sprintf("conflict %s held by %s", c.Key, c.Holder)
	case errors.Is(err, errAbort):
		return "abort"
	case errors.Is(err, allocator.ErrNotFound):
		return "not found"
	case strings.Contains(err.Error(), "listed twice"):
		return "listed twice"
	}
	return "database error: " + err.Error()
}

// same runs op on every target and requires every answer to be the
// in-memory store's.
func (m *machine) same(t *rapid.T, what string, op func(tg *target) string) {
	var first string
	for i, tg := range m.tgs {
		got := op(tg)
		if i == 0 {
			first = got
			continue
		}
		if got != first {
			t.Fatalf("%s: %s answers\n  %s\nbut %s answers\n  %s", what, m.tgs[0].name, first, tg.name, got)
		}
	}
}

func (m *machine) at(t *rapid.T, label string) time.Time {
	if rapid.Bool().Draw(t, label+"Zero") {
		return time.Time{}
	}
	return m.now.Add(time.Duration(rapid.IntRange(0, 1000).Draw(t, label)) * time.Millisecond)
}

func drawAttrs(t *rapid.T, label string) allocator.Attributes {
	kv := rapid.SliceOfN(rapid.SampledFrom([]string{"flavour", "binding", "x"}), 0, 2).Draw(t, label)
	a := allocator.Attributes{}
	for i, k := range kv {
		a = a.With(k, fmt.Sprint(i))
	}
	return a
}

func drawIDs[T ~int64](t *rapid.T, label string) []T {
	return rapid.SliceOfN(rapid.Custom(func(t *rapid.T) T { return T(rapid.IntRange(1, 9).Draw(t, "id")) }), 0, 3).Draw(t, label)
}

func (m *machine) drawLease(t *rapid.T) allocator.Lease {
	return allocator.Lease{
		Type: rapid.SampledFrom([]string{"host", "working-copy"}).Draw(t, "type"), Status: allocator.LeaseStatus(rapid.IntRange(1, 6).Draw(t, "status")),
		Resource: allocator.ID(rapid.IntRange(0, 3).Draw(t, "resource")), Wants: drawAttrs(t, "wants"),
		Blueprints: drawIDs[allocator.ID](t, "blueprints"), Allocated: drawIDs[allocator.ID](t, "allocated"), Reclaimed: drawIDs[allocator.ID](t, "reclaimed"),
		BreakCause: allocator.BreakCause(rapid.IntRange(0, 4).Draw(t, "cause")), Until: m.at(t, "until"), Task: allocator.TaskID(rapid.IntRange(0, 9).Draw(t, "task")),
		Requested: m.at(t, "requested"), Activated: m.at(t, "activated"), Modified: m.at(t, "modified"),
	}
}

func (m *machine) drawResource(t *rapid.T) allocator.Resource {
	return allocator.Resource{
		Blueprint: allocator.ID(rapid.IntRange(1, 2).Draw(t, "blueprint")), Type: "host", Status: allocator.ResourceStatus(rapid.IntRange(1, 5).Draw(t, "status")),
		Attributes: drawAttrs(t, "attributes"), AttributesSet: rapid.Bool().Draw(t, "set"), AllocatedBy: allocator.ID(rapid.IntRange(0, 3).Draw(t, "by")),
		Awaken: drawIDs[allocator.TaskID](t, "awaken"), Created: m.at(t, "created"), Modified: m.at(t, "modified"),
	}
}

func drawRef(t *rapid.T, label string) allocator.Ref {
	return allocator.Ref{Kind: allocator.ObjectKind(rapid.IntRange(1, 4).Draw(t, label+"Kind")), ID: allocator.ID(rapid.IntRange(0, 3).Draw(t, label))}
}

// drawKeys draws slot-lock keys from a small pool, so that acquisitions
// collide, and sometimes lists one twice.
func drawKeys(t *rapid.T) []string {
	return rapid.SliceOfN(rapid.SampledFrom([]string{"a", "b", "c", "allocator(1).limit(0)", "almanac.host.binding(host-01)"}), 0, 3).Draw(t, "keys")
}

// rank draws an existing row's rank, or one past the last (no such row).
func drawRank(t *rapid.T, n int, label string) allocator.ID {
	return allocator.ID(rapid.IntRange(1, n+1).Draw(t, label))
}

func (m *machine) insertLease(t *rapid.T) {
	l := m.drawLease(t)
	m.same(t, "insert lease", func(tg *target) string {
		var id allocator.ID
		err := tg.store.Tx("insert", func(tx *allocator.Tx) error {
			id = tx.InsertLease(l)
			tx.Audit(allocator.AuditEntry{Kind: allocator.AuditLeaseStatus, Lease: l.Resource, To: uint8(l.Status)}) // an opaque number: IDs differ
			return nil
		})
		if err == nil {
			tg.commit(tLease, id)
		}
		return fmt.Sprint(outcome(tg, err), tg.ranked(tLease, id))
	})
	m.leases++
}

func (m *machine) insertResource(t *rapid.T) {
	r := m.drawResource(t)
	m.same(t, "insert resource", func(tg *target) string {
		var id allocator.ID
		err := tg.store.Tx("insert", func(tx *allocator.Tx) error { id = tx.InsertResource(r); return nil })
		if err == nil {
			tg.commit(tResource, id)
		}
		return fmt.Sprint(outcome(tg, err), tg.ranked(tResource, id))
	})
	m.resources++
}

func (m *machine) saveLease(t *rapid.T) {
	l, r := m.drawLease(t), drawRank(t, m.leases, "lease")
	m.same(t, "save lease", func(tg *target) string {
		l.ID = tg.real(tLease, r)
		return outcome(tg, tg.store.Tx("save", func(tx *allocator.Tx) error { return tx.SaveLease(l) }))
	})
}

func (m *machine) saveResource(t *rapid.T) {
	res, r := m.drawResource(t), drawRank(t, m.resources, "resource")
	m.same(t, "save resource", func(tg *target) string {
		res.ID = tg.real(tResource, r)
		return outcome(tg, tg.store.Tx("save", func(tx *allocator.Tx) error { return tx.SaveResource(res) }))
	})
}

func (m *machine) acquire(t *rapid.T) {
	owner, keys := drawRef(t, "owner"), drawKeys(t)
	m.same(t, fmt.Sprintf("acquire %v for %s", keys, owner), func(tg *target) string {
		return outcome(tg, tg.store.Tx("acquire", func(tx *allocator.Tx) error { return tx.AcquireSlotLocks(owner, keys) }))
	})
}

func (m *machine) release(t *rapid.T) {
	owner := drawRef(t, "owner")
	m.same(t, "release "+owner.String(), func(tg *target) string {
		return outcome(tg, tg.store.Tx("release", func(tx *allocator.Tx) error { tx.ReleaseSlotLocks(owner); return nil }))
	})
}

func (m *machine) drawCommand(t *rapid.T) allocator.Command {
	return allocator.Command{
		Target: drawRef(t, "target"), Kind: allocator.CommandKind(rapid.IntRange(1, 2).Draw(t, "kind")),
		Author: drawRef(t, "author"), Awaken: drawIDs[allocator.TaskID](t, "awaken"),
	}
}

func (m *machine) command(t *rapid.T) {
	c := m.drawCommand(t)
	m.same(t, "queue command", func(tg *target) string {
		var id allocator.ID
		err := tg.store.Tx("command", func(tx *allocator.Tx) error { id = tx.InsertCommand(c); return nil })
		if err == nil {
			tg.commit(tCommand, id)
		}
		return fmt.Sprint(outcome(tg, err), tg.ranked(tCommand, id))
	})
	m.commands++
}

func (m *machine) consume(t *rapid.T) {
	r := drawRank(t, m.commands, "command")
	m.same(t, "consume command", func(tg *target) string {
		return outcome(tg, tg.store.Tx("consume", func(tx *allocator.Tx) error { return tx.ConsumeCommand(tg.real(tCommand, r)) }))
	})
}

func (m *machine) note(t *rapid.T) {
	e := allocator.AuditEntry{Kind: allocator.AuditHookStart, Hook: allocator.HookActivateLease, Lease: allocator.ID(rapid.IntRange(1, 3).Draw(t, "lease"))}
	m.same(t, "note", func(tg *target) string { tg.store.Note(e); return "ok" })
}
