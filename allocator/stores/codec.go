package stores

import (
	"crypto/sha1"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"github.com/drysim/drysim/allocator"
)

// Columns, in the order every query selects them.
const (
	leaseCols = "id, type, status, resource_id, wants, blueprints, allocated, reclaimed, break_cause, " +
		"until_ns, task, requested_ns, activated_ns, modified_ns"
	resourceCols = "id, blueprint_id, type, status, attributes, attributes_set, allocated_by, awaken, created_ns, modified_ns"
	commandCols  = "id, target_kind, target_id, kind, author_kind, author_id, consumed, awaken"
	auditCols    = "time_ns, kind, lease_id, resource_id, other_id, from_status, to_status, resource_status, cause, hook, " +
		"live, actor_kind, actor_id, owner_kind, owner_id, lock_keys, command_id, ends_commit"
)

// lockIndex is the slot lock's unique index value: the first 12 bytes of
// the key's SHA-1 in base64, as PhabricatorHash::digestForIndex makes
// DrydockSlotLock's lockIndex.
func lockIndex(key string) []byte {
	sum := sha1.Sum([]byte(key))
	return []byte(base64.RawURLEncoding.EncodeToString(sum[:])[:12])
}

// nanos stores a time as Unix nanoseconds; the zero time is 0.
func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}

// ids stores an ID list as a JSON array; nil and empty are both "".
func ids[T ~int64](xs []T) string {
	if len(xs) == 0 {
		return ""
	}
	b, _ := json.Marshal(xs) // integers always marshal
	return string(b)
}

func fromIDs[T ~int64](s string) ([]T, error) {
	if s == "" {
		return nil, nil
	}
	var xs []T
	if err := json.Unmarshal([]byte(s), &xs); err != nil {
		return nil, fmt.Errorf("ID list %q: %w", s, err)
	}
	return xs, nil
}

func strs(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	b, _ := json.Marshal(xs)
	return string(b)
}

func fromStrs(s string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	var xs []string
	if err := json.Unmarshal([]byte(s), &xs); err != nil {
		return nil, fmt.Errorf("string list %q: %w", s, err)
	}
	return xs, nil
}

// attrs stores attributes as a flat JSON array of keys and values.
func attrs(a allocator.Attributes) string {
	var kv []string
	for k, v := range a.All() {
		kv = append(kv, k, v)
	}
	return strs(kv)
}

func fromAttrs(s string) (allocator.Attributes, error) {
	kv, err := fromStrs(s)
	if err != nil || len(kv)%2 != 0 {
		return allocator.Attributes{}, fmt.Errorf("attributes %q: want key, value pairs: %w", s, err)
	}
	return allocator.Attrs(kv...), nil
}

// leaseArgs are a lease's columns after id, in leaseCols order.
func leaseArgs(l allocator.Lease) []any {
	return []any{
		l.Type, uint8(l.Status), int64(l.Resource), attrs(l.Wants), ids(l.Blueprints), ids(l.Allocated), ids(l.Reclaimed),
		uint8(l.BreakCause), nanos(l.Until), int64(l.Task), nanos(l.Requested), nanos(l.Activated), nanos(l.Modified),
	}
}

func resourceArgs(r allocator.Resource) []any {
	set := 0
	if r.AttributesSet {
		set = 1
	}
	return []any{
		int64(r.Blueprint), r.Type, uint8(r.Status), attrs(r.Attributes), set, int64(r.AllocatedBy), ids(r.Awaken),
		nanos(r.Created), nanos(r.Modified),
	}
}

func commandArgs(c allocator.Command) []any {
	consumed := 0
	if c.Consumed {
		consumed = 1
	}
	return []any{uint8(c.Target.Kind), int64(c.Target.ID), uint8(c.Kind), uint8(c.Author.Kind), int64(c.Author.ID), consumed, ids(c.Awaken)}
}

func auditArgs(e allocator.AuditEntry) []any {
	return []any{
		nanos(e.Time), uint8(e.Kind), int64(e.Lease), int64(e.Resource), int64(e.Other), e.From, e.To, uint8(e.ResourceStatus),
		e.Cause, e.Hook, ids(e.Live), uint8(e.Actor.Kind), int64(e.Actor.ID), uint8(e.Owner.Kind), int64(e.Owner.ID),
		strs(e.Keys), int64(e.Command), flag(e.EndsCommit),
	}
}

// flag stores a bool as 0 or 1.
func flag(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

type scanner interface{ Scan(dest ...any) error }

func scanLease(s scanner) (allocator.Lease, error) {
	var l allocator.Lease
	var status, cause uint8
	var wants, bps, alloc, recl string
	var until, requested, activated, modified int64
	err := s.Scan(&l.ID, &l.Type, &status, &l.Resource, &wants, &bps, &alloc, &recl, &cause,
		&until, &l.Task, &requested, &activated, &modified)
	if err != nil {
		return l, err
	}
	l.Status, l.BreakCause = allocator.LeaseStatus(status), allocator.BreakCause(cause)
	l.Until, l.Requested, l.Activated, l.Modified = fromNanos(until), fromNanos(requested), fromNanos(activated), fromNanos(modified)
	if l.Wants, err = fromAttrs(wants); err != nil {
		return l, fmt.Errorf("lease %d: %w", l.ID, err)
	}
	if l.Blueprints, err = fromIDs[allocator.ID](bps); err == nil {
		if l.Allocated, err = fromIDs[allocator.ID](alloc); err == nil {
			l.Reclaimed, err = fromIDs[allocator.ID](recl)
		}
	}
	if err != nil {
		return l, fmt.Errorf("lease %d: %w", l.ID, err)
	}
	return l, nil
}

func scanResource(s scanner) (allocator.Resource, error) {
	var r allocator.Resource
	var status, set uint8
	var attributes, awaken string
	var created, modified int64
	err := s.Scan(&r.ID, &r.Blueprint, &r.Type, &status, &attributes, &set, &r.AllocatedBy, &awaken, &created, &modified)
	if err != nil {
		return r, err
	}
	r.Status, r.AttributesSet = allocator.ResourceStatus(status), set != 0
	r.Created, r.Modified = fromNanos(created), fromNanos(modified)
	if r.Attributes, err = fromAttrs(attributes); err == nil {
		r.Awaken, err = fromIDs[allocator.TaskID](awaken)
	}
	if err != nil {
		return r, fmt.Errorf("resource %d: %w", r.ID, err)
	}
	return r, nil
}

func scanCommand(s scanner) (allocator.Command, error) {
	var c allocator.Command
	var tk, kind, ak, consumed uint8
	var awaken string
	if err := s.Scan(&c.ID, &tk, &c.Target.ID, &kind, &ak, &c.Author.ID, &consumed, &awaken); err != nil {
		return c, err
	}
	c.Target.Kind, c.Kind, c.Author.Kind, c.Consumed = allocator.ObjectKind(tk), allocator.CommandKind(kind), allocator.ObjectKind(ak), consumed != 0
	var err error
	if c.Awaken, err = fromIDs[allocator.TaskID](awaken); err != nil {
		return c, fmt.Errorf("command %d: %w", c.ID, err)
	}
	return c, nil
}

func scanAudit(s scanner) (allocator.AuditEntry, error) {
	var e allocator.AuditEntry
	var t int64
	var kind, rs, actorKind, ownerKind, ends uint8
	var live, keys string
	err := s.Scan(&t, &kind, &e.Lease, &e.Resource, &e.Other, &e.From, &e.To, &rs, &e.Cause, &e.Hook,
		&live, &actorKind, &e.Actor.ID, &ownerKind, &e.Owner.ID, &keys, &e.Command, &ends)
	if err != nil {
		return e, err
	}
	e.EndsCommit = ends != 0
	e.Time, e.Kind, e.ResourceStatus = fromNanos(t), allocator.AuditKind(kind), allocator.ResourceStatus(rs)
	e.Actor.Kind, e.Owner.Kind = allocator.ObjectKind(actorKind), allocator.ObjectKind(ownerKind)
	if e.Live, err = fromIDs[allocator.ID](live); err == nil {
		e.Keys, err = fromStrs(keys)
	}
	return e, err
}

// collect reads every row of rs with scan.
func collect[T any](rs *sql.Rows, scan func(scanner) (T, error)) ([]T, error) {
	defer rs.Close()
	var out []T
	for rs.Next() {
		v, err := scan(rs)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rs.Err()
}
