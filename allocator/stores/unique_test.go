package stores

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
)

// dbs opens SQLite, and MySQL when DRYSIM_MYSQL_DSN is set, emptied.
func dbs(t *testing.T) map[string]*DB {
	t.Helper()
	out := map[string]*DB{}
	sq, err := Open(Spec{Kind: SQLite, Target: filepath.Join(t.TempDir(), "unique.db")})
	require.NoError(t, err)
	out["sqlite"] = sq
	if dsn := os.Getenv(MySQLEnv); dsn != "" {
		my, err := Open(Spec{Kind: MySQL, Target: dsn})
		require.NoError(t, err)
		out["mysql"] = my
	}
	for _, d := range out {
		require.NoError(t, d.Reset())
		t.Cleanup(func() { d.Close() })
	}
	return out
}

// The unique key, not the read before it, is what arbitrates: an insert
// of a key someone holds fails as a conflict naming the holder, writes
// nothing, and leaves the transaction able to roll back cleanly.
func TestSlotLockInsertOfAHeldKeyIsAConflictOnTheUniqueKey(t *testing.T) {
	for name, d := range dbs(t) {
		t.Run(name, func(t *testing.T) {
			tx, err := d.Begin()
			require.NoError(t, err)
			require.NoError(t, tx.InsertSlotLocks(allocator.ResourceRef(1), []string{"allocator(1).limit(0)"}))
			require.NoError(t, tx.Commit(nil))

			tx, err = d.Begin()
			require.NoError(t, err)
			err = tx.InsertSlotLocks(allocator.ResourceRef(2), []string{"b", "allocator(1).limit(0)"})
			var c *allocator.SlotLockConflictError
			require.ErrorAs(t, err, &c)
			require.Equal(t, "allocator(1).limit(0)", c.Key)
			require.Equal(t, allocator.ResourceRef(1), c.Holder)
			require.NoError(t, tx.Rollback())

			dump, err := d.Dump()
			require.NoError(t, err)
			require.Equal(t, []allocator.SlotLockRow{{Key: "allocator(1).limit(0)", Owner: allocator.ResourceRef(1)}}, dump.SlotLocks,
				"the multi-row insert took neither key")
		})
	}
}

// On MySQL two transactions race for one key: the second's read sees no
// holder (the first has not committed), its insert waits on the first's
// uncommitted row, and fails on the unique key once the first commits,
// as a conflict naming the holder. If the first rolls back instead, the
// second gets the key.
func TestMySQLUniqueKeyArbitratesAKeyInFlight(t *testing.T) {
	d, ok := dbs(t)["mysql"]
	if !ok {
		t.Skipf("MariaDB skipped: %s unset (make test-mysql starts a server)", MySQLEnv)
	}
	for _, commit := range []bool{true, false} {
		require.NoError(t, d.Reset())
		first, err := d.Begin()
		require.NoError(t, err)
		require.NoError(t, first.InsertSlotLocks(allocator.LeaseRef(1), []string{"hoax.resource(1).lease(0)"}))
		second, err := d.Begin()
		require.NoError(t, err)
		holders, err := second.SlotHolders([]string{"hoax.resource(1).lease(0)"})
		require.NoError(t, err)
		require.Equal(t, allocator.Ref{}, holders[0], "not committed: invisible to the read")
		done := make(chan error)
		go func() { done <- second.InsertSlotLocks(allocator.LeaseRef(2), []string{"hoax.resource(1).lease(0)"}) }()
		select {
		case err := <-done:
			t.Fatalf("the insert did not wait for the row in flight: %v", err)
		case <-time.After(200 * time.Millisecond):
		}
		if commit {
			require.NoError(t, first.Commit(nil))
			var c *allocator.SlotLockConflictError
			require.ErrorAs(t, <-done, &c)
			require.Equal(t, allocator.LeaseRef(1), c.Holder)
			require.NoError(t, second.Rollback())
			continue
		}
		require.NoError(t, first.Rollback())
		require.NoError(t, <-done, "the holder rolled back: the key is free")
		require.NoError(t, second.Commit(nil))
		dump, err := d.Dump()
		require.NoError(t, err)
		require.Equal(t, []allocator.SlotLockRow{{Key: "hoax.resource(1).lease(0)", Owner: allocator.LeaseRef(2)}}, dump.SlotLocks)
	}
}
