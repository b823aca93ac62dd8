// Package stores keeps the allocator's rows in a real database, behind
// the store seam (allocator.Rows): SQLite, the embedded database (one file,
// the pure-Go modernc.org/sqlite driver, no cgo), or MySQL/MariaDB through
// a DSN (github.com/go-sql-driver/mysql). The in-memory store stays the
// default and the only one the simulator uses; the same allocator.Store
// code (steps, audit entries, slot-lock checks, the observer) runs on top
// of all three, so only the reading and writing of rows differs.
//
//	spec, _ := stores.ParseSpec("sqlite:/tmp/drysim.db") // or mysql:root@tcp(127.0.0.1:3306)/drysim
//	db, err := stores.Open(spec)                        // creates the tables if missing
//	db.Bind(rt.Blocking, rt.Wall)                       // a live runtime's waits
//	a, err := allocator.NewOnStore(rt, cfg, db)
//
// # Layout
//
// Drydock's: drydock_lease, drydock_resource, drydock_command and
// drydock_slotlock, plus drysim_audit, the audit log the invariants read
// (its order is the commit order of conflicting transactions, because a
// transaction writes its audit rows last, after every row lock it takes,
// in one multi-row INSERT; ends_commit marks each commit's last entry, so
// that the log can be read back commit by commit).
// Slot locks are rows under a UNIQUE key on lock_index, a 12-character
// digest of the key (DrydockSlotLock's lockIndex), taken with one
// multi-row INSERT inside the owner's transaction and freed with a DELETE
// of their own. The schema is created by drysim from embedded migrations
// (migrations/<kind>/*.sql, recorded in drysim_schema).
//
// # Transactions
//
// A store step that writes is one database transaction; any database error
// inside it rolls it all back and fails the step, and the allocator's task
// then fails and is retried by the queue, as a Drydock worker's is after a
// deadlock. Reads that are steps of their own are retried (up to five
// times) after a deadlock, a lock-wait timeout or SQLITE_BUSY, because
// repeating a read changes nothing.
//
// MySQL runs READ COMMITTED (no gap locks; each statement sees what is
// committed) and reads inside a transaction lock their rows (SELECT ...
// FOR UPDATE), so that a read, a check and a write in one transaction are
// atomic, as a step of the in-memory store is. A slot-lock insert that
// meets another transaction's uncommitted row waits for it and then fails
// on the unique key, which is Drydock's arbitration.
//
// # What stands in where a database lacks a primitive
//
//   - Object locks: MySQL has named locks, and NamedLock gives them (GET_LOCK
//     with the wait as a fractional timeout in seconds, RELEASE_LOCK, each
//     held on a connection of its own, from a pool apart from the rows'
//     so that holding locks can never starve the statements). SQLite has
//     none. A lock table taken with BEGIN IMMEDIATE would serialise every
//     lock wait behind the database's single write lock and could only
//     time out by polling, so for SQLite the live runtime's in-process
//     locks stand in: an embedded database belongs to one process, and
//     in-process locks give the same exclusion with real timeouts.
//   - Row locks: SQLite has none; BEGIN IMMEDIATE takes the database's
//     write lock for the whole transaction, so its reads need none. One
//     writer per process waits in Go (not in SQLite's busy loop); other
//     processes wait up to the busy timeout (10 s).
//
// # Where a database differs from the in-memory store
//
// InnoDB does not give back an AUTO_INCREMENT value a rolled-back insert
// took, so after a failed transaction MySQL's next ID skips one; the
// in-memory store and SQLite reuse it. Nothing in the allocator reads
// meaning into IDs being dense; the conformance test compares IDs by rank.
package stores
