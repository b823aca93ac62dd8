package stores

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/drysim/drysim/allocator"
)

// Kind is which database keeps the rows.
type Kind string

const (
	Memory Kind = "mem"
	SQLite Kind = "sqlite"
	MySQL  Kind = "mysql"
)

// Stats count what the database did and how it failed.
type Stats struct {
	Transactions, Rollbacks int64
	// Deadlocks and LockWaitTimeouts are InnoDB's errors 1213 and 1205;
	// Busy is SQLite's SQLITE_BUSY/SQLITE_LOCKED.
	Deadlocks, LockWaitTimeouts, Busy int64
	// Retries are reads tried again after one of those (reads are
	// idempotent; a transaction never is retried: its task fails and the
	// queue retries it, as Drydock's workers do).
	Retries int64
	// Errors are every other database error.
	Errors int64
	// NamedLockTimeouts are GET_LOCK waits that gave up.
	NamedLockTimeouts int64
}

type counters struct {
	tx, rollbacks, deadlocks, lockWaits, busy, retries, errors, namedTimeouts atomic.Int64
}

// DB keeps an allocator store's rows in SQLite or MySQL: it implements
// allocator.Rows. Every database call runs inside the blocking hook (Bind),
// so that a live runtime's other tasks run while it waits.
type DB struct {
	kind    Kind
	db      *sql.DB
	locksDB *sql.DB       // MySQL: connections that hold named locks
	writer  chan struct{} // SQLite: one write transaction at a time in this process
	prefix  string        // MySQL: named locks are <database>.<name>
	block   func(func())
	wall    func(time.Duration) time.Duration
	c       counters
	held    atomic.Int64 // named locks held by this process
}

var _ allocator.Rows = (*DB)(nil)

// Kind says which database this is.
func (d *DB) Kind() Kind { return d.kind }

// Bind sets how database calls wait (block: a live runtime's Blocking, so
// the step lock is let go meanwhile) and how a model duration becomes wall
// time for a named lock's timeout. Call it before the run; unbound, calls
// run inline and durations are wall time.
func (d *DB) Bind(block func(func()), wall func(time.Duration) time.Duration) {
	d.block, d.wall = block, wall
}

// Stats returns the counters so far.
func (d *DB) Stats() Stats {
	return Stats{
		Transactions: d.c.tx.Load(), Rollbacks: d.c.rollbacks.Load(), Deadlocks: d.c.deadlocks.Load(),
		LockWaitTimeouts: d.c.lockWaits.Load(), Busy: d.c.busy.Load(), Retries: d.c.retries.Load(),
		Errors: d.c.errors.Load(), NamedLockTimeouts: d.c.namedTimeouts.Load(),
	}
}

// Close closes the database.
func (d *DB) Close() error {
	if d.locksDB != nil {
		d.locksDB.Close()
	}
	return d.db.Close()
}

// io runs one database call through the blocking hook and counts its
// error by kind.
func (d *DB) io(fn func(ctx context.Context) error) error {
	var err error
	call := func() { err = fn(context.Background()) }
	if d.block != nil {
		d.block(call)
	} else {
		call()
	}
	d.count(err)
	return err
}

func (d *DB) count(err error) {
	switch {
	case err == nil, errors.Is(err, allocator.ErrNotFound), errors.Is(err, sql.ErrNoRows), isUnique(err):
		// answers, not failures: a missing row, a slot lock someone holds
	case isDeadlock(err):
		d.c.deadlocks.Add(1)
	case isLockWaitTimeout(err):
		d.c.lockWaits.Add(1)
	case isBusy(err):
		d.c.busy.Add(1)
	default:
		d.c.errors.Add(1)
	}
}

// transient errors are worth trying again: the same statement may pass.
func transient(err error) bool { return isDeadlock(err) || isLockWaitTimeout(err) || isBusy(err) }

// read runs a read, trying again (at most 5 times, backing off) after a
// transient error: a read changes nothing, so repeating it is safe.
func (d *DB) read(fn func(ctx context.Context, q querier) error) error {
	var err error
	for attempt := range 5 {
		if attempt > 0 {
			d.c.retries.Add(1)
			d.io(func(context.Context) error { time.Sleep(time.Duration(attempt) * time.Millisecond); return nil })
		}
		err = d.io(func(ctx context.Context) error { return fn(ctx, d.db) })
		if !transient(err) {
			return err
		}
	}
	return err
}

// querier is what a read needs: a *sql.DB, *sql.Tx or *sql.Conn.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// in returns "(?, ?, ...)" for n values.
func in(n int) string { return "(" + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + ")" }

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// ---- reads outside a transaction ----

// Lease reads one lease.
func (d *DB) Lease(id allocator.ID) (l allocator.Lease, err error) {
	err = d.read(func(ctx context.Context, q querier) error { l, err = leaseRow(ctx, q, id, ""); return err })
	return l, err
}

// Resource reads one resource.
func (d *DB) Resource(id allocator.ID) (r allocator.Resource, err error) {
	err = d.read(func(ctx context.Context, q querier) error { r, err = resourceRow(ctx, q, id, ""); return err })
	return r, err
}

// ResourcesOf reads blueprint bp's resources in the given statuses.
func (d *DB) ResourcesOf(bp allocator.ID, statuses []allocator.ResourceStatus) (out []allocator.Resource, err error) {
	if len(statuses) == 0 {
		return nil, nil
	}
	q := "SELECT " + resourceCols + " FROM drydock_resource WHERE blueprint_id = ? AND status IN " + in(len(statuses)) + " ORDER BY id"
	args := append([]any{int64(bp)}, anys(statuses)...)
	err = d.read(func(ctx context.Context, db querier) error {
		rs, err := db.QueryContext(ctx, q, args...)
		if err == nil {
			out, err = collect(rs, scanResource)
		}
		return err
	})
	return out, err
}

// LeasesOn reads the leases naming resource id.
func (d *DB) LeasesOn(id allocator.ID) (out []allocator.LeaseBrief, err error) {
	err = d.read(func(ctx context.Context, q querier) error { out, err = leasesOn(ctx, q, id, ""); return err })
	return out, err
}

// PendingCommands reads target's unconsumed commands in ID order.
func (d *DB) PendingCommands(target allocator.Ref) (out []allocator.Command, err error) {
	q := "SELECT " + commandCols + " FROM drydock_command WHERE target_kind = ? AND target_id = ? AND consumed = 0 ORDER BY id"
	err = d.read(func(ctx context.Context, db querier) error {
		rs, err := db.QueryContext(ctx, q, uint8(target.Kind), int64(target.ID))
		if err == nil {
			out, err = collect(rs, scanCommand)
		}
		return err
	})
	return out, err
}

// SlotLocksFree says which keys no row holds.
func (d *DB) SlotLocksFree(keys []string) ([]bool, error) {
	var held []allocator.Ref
	err := d.read(func(ctx context.Context, q querier) (err error) { held, err = slotHolders(ctx, q, keys); return err })
	if err != nil {
		return nil, err
	}
	free := make([]bool, len(keys))
	for i, h := range held {
		free[i] = h == allocator.Ref{}
	}
	return free, nil
}

// CountByStatus counts blueprint bp's resources by status.
func (d *DB) CountByStatus(bp allocator.ID) (n [allocator.ResourceDestroyed + 1]int, err error) {
	err = d.read(func(ctx context.Context, q querier) error {
		n = [allocator.ResourceDestroyed + 1]int{}
		rs, err := q.QueryContext(ctx, "SELECT status, COUNT(*) FROM drydock_resource WHERE blueprint_id = ? GROUP BY status", int64(bp))
		if err != nil {
			return err
		}
		defer rs.Close()
		for rs.Next() {
			var st, c int
			if err := rs.Scan(&st, &c); err != nil {
				return err
			}
			if st > 0 && st < len(n) {
				n[st] = c
			}
		}
		return rs.Err()
	})
	return n, err
}

// LinkedLeases counts the acquired and active leases on resource id.
func (d *DB) LinkedLeases(id allocator.ID) (n int, err error) {
	if id == 0 {
		return 0, nil // resource 0 is no resource (see leasesOn)
	}
	err = d.read(func(ctx context.Context, q querier) error {
		return q.QueryRowContext(ctx, "SELECT COUNT(*) FROM drydock_lease WHERE resource_id = ? AND status IN (?, ?)",
			int64(id), uint8(allocator.LeaseAcquired), uint8(allocator.LeaseActive)).Scan(&n)
	})
	return n, err
}

// Note appends one audit entry in a statement of its own.
func (d *DB) Note(e allocator.AuditEntry) error {
	if d.writer != nil {
		d.io(func(context.Context) error { d.writer <- struct{}{}; return nil })
		defer func() { <-d.writer }()
	}
	return d.io(func(ctx context.Context) error { return insertAudit(ctx, d.db, []allocator.AuditEntry{e}) })
}

// Dump reads every row and the audit log.
func (d *DB) Dump() (allocator.Dump, error) {
	var dump allocator.Dump
	err := d.read(func(ctx context.Context, q querier) error {
		var err error
		dump = allocator.Dump{}
		if dump.Leases, err = queryAll(ctx, q, "SELECT "+leaseCols+" FROM drydock_lease ORDER BY id", scanLease); err != nil {
			return err
		}
		if dump.Resources, err = queryAll(ctx, q, "SELECT "+resourceCols+" FROM drydock_resource ORDER BY id", scanResource); err != nil {
			return err
		}
		if dump.Commands, err = queryAll(ctx, q, "SELECT "+commandCols+" FROM drydock_command ORDER BY id", scanCommand); err != nil {
			return err
		}
		if dump.SlotLocks, err = queryAll(ctx, q, "SELECT lock_key, owner_kind, owner_id FROM drydock_slotlock", scanSlotRow); err != nil {
			return err
		}
		dump.Audit, err = queryAll(ctx, q, "SELECT "+auditCols+" FROM drysim_audit ORDER BY id", scanAudit)
		return err
	})
	slices.SortFunc(dump.SlotLocks, func(a, b allocator.SlotLockRow) int { return strings.Compare(a.Key, b.Key) })
	return dump, err
}

func scanSlotRow(s scanner) (allocator.SlotLockRow, error) {
	var row allocator.SlotLockRow
	var kind uint8
	err := s.Scan(&row.Key, &kind, &row.Owner.ID)
	row.Owner.Kind = allocator.ObjectKind(kind)
	return row, err
}

func queryAll[T any](ctx context.Context, q querier, query string, scan func(scanner) (T, error)) ([]T, error) {
	rs, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return collect(rs, scan)
}

// ---- queries shared by reads and transactions ----

func leaseRow(ctx context.Context, q querier, id allocator.ID, lock string) (allocator.Lease, error) {
	l, err := scanLease(q.QueryRowContext(ctx, "SELECT "+leaseCols+" FROM drydock_lease WHERE id = ?"+lock, int64(id)))
	if errors.Is(err, sql.ErrNoRows) {
		return l, fmt.Errorf("lease %d: %w", id, allocator.ErrNotFound)
	}
	return l, err
}

func resourceRow(ctx context.Context, q querier, id allocator.ID, lock string) (allocator.Resource, error) {
	r, err := scanResource(q.QueryRowContext(ctx, "SELECT "+resourceCols+" FROM drydock_resource WHERE id = ?"+lock, int64(id)))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("resource %d: %w", id, allocator.ErrNotFound)
	}
	return r, err
}

// leasesOn reads the leases naming resource id. A lease with no resource
// names resource 0, which is no resource: as in memory, none are on it.
func leasesOn(ctx context.Context, q querier, id allocator.ID, lock string) ([]allocator.LeaseBrief, error) {
	if id == 0 {
		return nil, nil
	}
	rs, err := q.QueryContext(ctx, "SELECT id, status, modified_ns FROM drydock_lease WHERE resource_id = ? ORDER BY id"+lock, int64(id))
	if err != nil {
		return nil, err
	}
	return collect(rs, func(s scanner) (allocator.LeaseBrief, error) {
		var b allocator.LeaseBrief
		var st uint8
		var modified int64
		err := s.Scan(&b.ID, &st, &modified)
		b.Status, b.Modified = allocator.LeaseStatus(st), fromNanos(modified)
		return b, err
	})
}

// slotHolders returns each key's holder, or the zero Ref.
func slotHolders(ctx context.Context, q querier, keys []string) ([]allocator.Ref, error) {
	out := make([]allocator.Ref, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	idx := make([]any, len(keys))
	for i, k := range keys {
		idx[i] = lockIndex(k)
	}
	rs, err := q.QueryContext(ctx, "SELECT lock_key, owner_kind, owner_id FROM drydock_slotlock WHERE lock_index IN "+in(len(keys)), idx...)
	if err != nil {
		return nil, err
	}
	rows, err := collect(rs, scanSlotRow)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		for i, k := range keys {
			if k == row.Key {
				out[i] = row.Owner
			}
		}
	}
	return out, nil
}

func insertAudit(ctx context.Context, q querier, es []allocator.AuditEntry) error {
	if len(es) == 0 {
		return nil
	}
	row := in(18)
	var args []any
	for _, e := range es {
		args = append(args, auditArgs(e)...)
	}
	query := "INSERT INTO drysim_audit (" + auditCols + ") VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", len(es)), ", ")
	_, err := q.ExecContext(ctx, query, args...)
	return err
}
