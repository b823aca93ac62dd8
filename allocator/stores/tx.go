package stores

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/drysim/drysim/allocator"
)

// tx is an open database transaction: allocator.RowsTx.
type tx struct {
	d    *DB
	q    querier   // the *sql.Tx (MySQL) or the pinned *sql.Conn (SQLite)
	sqlt *sql.Tx   // MySQL
	conn *sql.Conn // SQLite: BEGIN IMMEDIATE on a connection of its own
	lock string    // " FOR UPDATE" where reads can lock rows
	done bool
}

var _ allocator.RowsTx = (*tx)(nil)

// Begin opens a transaction. MySQL: a READ COMMITTED transaction whose
// reads lock what they read (SELECT ... FOR UPDATE), so that a read, a
// check and a write inside it are atomic, as one step of the in-memory
// store is. SQLite: this process's writer slot, then BEGIN IMMEDIATE,
// which takes the database's write lock at once (other processes wait up
// to the busy timeout); reads need no row locks under it.
func (d *DB) Begin() (allocator.RowsTx, error) {
	d.c.tx.Add(1)
	t := &tx{d: d}
	if d.kind == MySQL {
		t.lock = " FOR UPDATE"
		err := d.io(func(ctx context.Context) (err error) { t.sqlt, err = d.db.BeginTx(ctx, nil); return err })
		t.q = t.sqlt
		return t, err
	}
	d.io(func(context.Context) error { d.writer <- struct{}{}; return nil })
	err := d.io(func(ctx context.Context) error {
		conn, err := d.db.Conn(ctx)
		if err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
			conn.Close()
			return err
		}
		t.conn, t.q = conn, conn
		return nil
	})
	if err != nil {
		<-d.writer
	}
	return t, err
}

func (t *tx) call(fn func(ctx context.Context) error) error { return t.d.io(fn) }

// Commit writes the transaction's audit entries, then commits.
func (t *tx) Commit(audit []allocator.AuditEntry) error {
	err := t.call(func(ctx context.Context) error {
		if err := insertAudit(ctx, t.q, audit); err != nil {
			return err
		}
		if t.sqlt != nil {
			return t.sqlt.Commit()
		}
		_, err := t.conn.ExecContext(ctx, "COMMIT")
		return err
	})
	if err != nil {
		t.Rollback()
		return err
	}
	t.finish()
	return nil
}

// Rollback undoes everything; after Commit it does nothing.
func (t *tx) Rollback() error {
	if t.done {
		return nil
	}
	t.d.c.rollbacks.Add(1)
	err := t.call(func(ctx context.Context) error {
		if t.sqlt != nil {
			return t.sqlt.Rollback()
		}
		_, err := t.conn.ExecContext(ctx, "ROLLBACK")
		return err
	})
	t.finish()
	return err
}

func (t *tx) finish() {
	t.done = true
	if t.conn != nil {
		t.call(func(context.Context) error { return t.conn.Close() })
		<-t.d.writer
	}
}

// Lease reads a lease, locking its row.
func (t *tx) Lease(id allocator.ID) (l allocator.Lease, err error) {
	err = t.call(func(ctx context.Context) error { l, err = leaseRow(ctx, t.q, id, t.lock); return err })
	return l, err
}

// Resource reads a resource, locking its row.
func (t *tx) Resource(id allocator.ID) (r allocator.Resource, err error) {
	err = t.call(func(ctx context.Context) error { r, err = resourceRow(ctx, t.q, id, t.lock); return err })
	return r, err
}

// LeasesOn reads the leases naming resource id, locking them.
func (t *tx) LeasesOn(id allocator.ID) (out []allocator.LeaseBrief, err error) {
	err = t.call(func(ctx context.Context) error { out, err = leasesOn(ctx, t.q, id, t.lock); return err })
	return out, err
}

func (t *tx) insert(table, cols string, args []any) (id allocator.ID, err error) {
	err = t.call(func(ctx context.Context) error {
		res, err := t.q.ExecContext(ctx, "INSERT INTO "+table+" ("+cols+") VALUES "+in(len(args)), args...)
		if err != nil {
			return err
		}
		n, err := res.LastInsertId()
		id = allocator.ID(n)
		return err
	})
	return id, err
}

// update runs an UPDATE of one row by ID; no row matched is ErrNotFound.
func (t *tx) update(what string, id allocator.ID, query string, args []any) error {
	return t.call(func(ctx context.Context) error {
		res, err := t.q.ExecContext(ctx, query, append(args, int64(id))...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(fmt.Errorf("save %s %d: %w", what, id, allocator.ErrNotFound), err)
		}
		return nil
	})
}

func setList(cols string) string {
	parts := strings.Split(cols, ", ")[1:] // every column but id
	return strings.Join(parts, " = ?, ") + " = ?"
}

// InsertLease inserts a lease and returns its ID.
func (t *tx) InsertLease(l allocator.Lease) (allocator.ID, error) {
	return t.insert("drydock_lease", strings.TrimPrefix(leaseCols, "id, "), leaseArgs(l))
}

// SaveLease overwrites a lease (a blind write).
func (t *tx) SaveLease(l allocator.Lease) error {
	return t.update("lease", l.ID, "UPDATE drydock_lease SET "+setList(leaseCols)+" WHERE id = ?", leaseArgs(l))
}

// InsertResource inserts a resource and returns its ID.
func (t *tx) InsertResource(r allocator.Resource) (allocator.ID, error) {
	return t.insert("drydock_resource", strings.TrimPrefix(resourceCols, "id, "), resourceArgs(r))
}

// SaveResource overwrites a resource (a blind write).
func (t *tx) SaveResource(r allocator.Resource) error {
	return t.update("resource", r.ID, "UPDATE drydock_resource SET "+setList(resourceCols)+" WHERE id = ?", resourceArgs(r))
}

// InsertCommand inserts a command and returns its ID.
func (t *tx) InsertCommand(c allocator.Command) (allocator.ID, error) {
	return t.insert("drydock_command", strings.TrimPrefix(commandCols, "id, "), commandArgs(c))
}

// ConsumeCommand marks a command consumed, locking its row first.
func (t *tx) ConsumeCommand(id allocator.ID) (target allocator.Ref, was bool, err error) {
	err = t.call(func(ctx context.Context) error {
		var kind, consumed uint8
		row := t.q.QueryRowContext(ctx, "SELECT target_kind, target_id, consumed FROM drydock_command WHERE id = ?"+t.lock, int64(id))
		if err := row.Scan(&kind, &target.ID, &consumed); errors.Is(err, sql.ErrNoRows) {
			return allocator.ErrNotFound
		} else if err != nil {
			return err
		}
		target.Kind, was = allocator.ObjectKind(kind), consumed == 0
		if !was {
			return nil
		}
		_, err := t.q.ExecContext(ctx, "UPDATE drydock_command SET consumed = 1 WHERE id = ?", int64(id))
		return err
	})
	return target, was, err
}

// SlotHolders reads who holds each key (a plain read: the insert's unique
// key, not a lock on absent rows, is what decides a race).
func (t *tx) SlotHolders(keys []string) (out []allocator.Ref, err error) {
	err = t.call(func(ctx context.Context) error { out, err = slotHolders(ctx, t.q, keys); return err })
	return out, err
}

// InsertSlotLocks is DrydockSlotLock::acquireLocks: one multi-row INSERT.
// A duplicate lock index (the holder committed, or was in flight and
// committed while this insert waited on its row) is a conflict.
func (t *tx) InsertSlotLocks(owner allocator.Ref, keys []string) error {
	var args []any
	for _, k := range keys {
		args = append(args, uint8(owner.Kind), int64(owner.ID), lockIndex(k), k)
	}
	query := "INSERT INTO drydock_slotlock (owner_kind, owner_id, lock_index, lock_key) VALUES " +
		strings.TrimSuffix(strings.Repeat(in(4)+", ", len(keys)), ", ")
	err := t.call(func(ctx context.Context) error { _, err := t.q.ExecContext(ctx, query, args...); return err })
	if err == nil || !isUnique(err) {
		return err
	}
	return t.conflict(keys, err)
}

// conflict names the key a unique violation was about and its holder: the
// first of keys someone holds now (the violating statement wrote nothing,
// and the holder it met has committed), else the key the error names.
func (t *tx) conflict(keys []string, cause error) error {
	if hs, err := t.SlotHolders(keys); err == nil {
		for i, h := range hs {
			if h != (allocator.Ref{}) {
				return &allocator.SlotLockConflictError{Key: keys[i], Holder: h}
			}
		}
	}
	key := keys[0]
	for _, k := range keys {
		if strings.Contains(cause.Error(), string(lockIndex(k))) {
			key = k
		}
	}
	return &allocator.SlotLockConflictError{Key: key}
}

// DeleteSlotLocks is DrydockSlotLock::releaseLocks for one owner.
func (t *tx) DeleteSlotLocks(owner allocator.Ref) (keys []string, err error) {
	err = t.call(func(ctx context.Context) error {
		rs, err := t.q.QueryContext(ctx, "SELECT lock_key FROM drydock_slotlock WHERE owner_kind = ? AND owner_id = ? ORDER BY id"+t.lock,
			uint8(owner.Kind), int64(owner.ID))
		if err != nil {
			return err
		}
		if keys, err = collect(rs, func(s scanner) (k string, err error) { err = s.Scan(&k); return k, err }); err != nil || len(keys) == 0 {
			return err
		}
		_, err = t.q.ExecContext(ctx, "DELETE FROM drydock_slotlock WHERE owner_kind = ? AND owner_id = ?", uint8(owner.Kind), int64(owner.ID))
		return err
	})
	return keys, err
}
