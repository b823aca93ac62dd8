package stores

import (
	"context"
	"crypto/sha1"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/drysim/drysim/allocator"
)

// NamedLock returns the object lock name as a MySQL named lock
// (PhabricatorGlobalLock: GET_LOCK and RELEASE_LOCK), shared by every
// process on the database. It is nil for SQLite, which has no named locks:
// there the runtime's in-process locks stand in (see the package doc).
func (d *DB) NamedLock(name string) allocator.Lock {
	return &namedLock{d: d, name: d.lockName(name)}
}

// lockName is <database>.<name>, or a digest of it past MariaDB's limit
// of 64 characters.
func (d *DB) lockName(name string) string {
	full := d.prefix + "." + name
	if len(full) > 64 {
		sum := sha1.Sum([]byte(full))
		full = "drysim." + hex.EncodeToString(sum[:])
	}
	return full
}

// HeldNamedLocks counts the named locks this process holds now.
func (d *DB) HeldNamedLocks() int { return int(d.held.Load()) }

// UsedNamedLocks counts, among the object locks of the given leases and
// resources, those some connection on the server holds (IS_USED_LOCK):
// after every process stopped cleanly, 0.
func (d *DB) UsedNamedLocks(leases, resources []allocator.ID) (int, error) {
	var names []string
	for _, id := range leases {
		names = append(names, d.lockName(fmt.Sprint("drydock.lease:", id)))
	}
	for _, id := range resources {
		names = append(names, d.lockName(fmt.Sprint("drydock.resource:", id)))
	}
	names = append(names, d.lockName("drydock.allocator"))
	used := 0
	for chunk := range slices.Chunk(names, 200) {
		q := "SELECT " + strings.TrimSuffix(strings.Repeat("(IS_USED_LOCK(?) IS NOT NULL) + ", len(chunk)), " + ")
		var n int
		if err := d.db.QueryRowContext(context.Background(), q, anys(chunk)...).Scan(&n); err != nil {
			return used, fmt.Errorf("counting held named locks: %w", err)
		}
		used += n
	}
	return used, nil
}

// NamedLocks says whether the database has named locks (MySQL).
func (d *DB) NamedLocks() bool { return d.kind == MySQL }

// namedLock holds its lock on a connection of its own, from the moment
// GET_LOCK says 1 until RELEASE_LOCK: a named lock belongs to the
// connection that took it.
type namedLock struct {
	d    *DB
	name string
	mu   sync.Mutex // guards conn: the next holder sets it as this one clears it
	conn *sql.Conn
}

// Lock waits without bound (GET_LOCK with a negative timeout).
func (l *namedLock) Lock() { l.get(-1) }

// TryLock takes the lock if it is free (a zero timeout).
func (l *namedLock) TryLock() bool { return l.get(0) }

// LockTimeout waits at most d of model time (GET_LOCK's timeout is in
// seconds and may be fractional).
func (l *namedLock) LockTimeout(d time.Duration) bool {
	if d < 0 {
		return l.get(-1)
	}
	if l.d.wall != nil {
		d = l.d.wall(d)
	}
	return l.get(d.Seconds())
}

func (l *namedLock) get(timeout float64) bool {
	var conn *sql.Conn
	err := l.d.io(func(ctx context.Context) error {
		c, err := l.d.locksDB.Conn(ctx)
		if err != nil {
			return err
		}
		var got sql.NullInt64
		if err := c.QueryRowContext(ctx, "SELECT GET_LOCK(?, ?)", l.name, timeout).Scan(&got); err != nil || got.Int64 != 1 {
			c.Close()
			return err
		}
		conn = c
		return nil
	})
	if conn == nil {
		if err == nil && timeout != 0 {
			l.d.c.namedTimeouts.Add(1)
		}
		return false
	}
	l.mu.Lock()
	l.conn = conn
	l.mu.Unlock()
	l.d.held.Add(1)
	return true
}

// Unlock releases the lock on the connection that holds it; if that
// fails the connection is closed, which releases it on the server too.
func (l *namedLock) Unlock() {
	l.mu.Lock()
	conn := l.conn
	l.conn = nil
	l.mu.Unlock()
	if conn == nil {
		panic("stores: unlock of a named lock that is not held: " + l.name)
	}
	l.d.held.Add(-1)
	err := l.d.io(func(ctx context.Context) error {
		_, err := conn.ExecContext(ctx, "DO RELEASE_LOCK(?)", l.name)
		return err
	})
	l.d.io(func(context.Context) error {
		if err != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		return conn.Close()
	})
}
