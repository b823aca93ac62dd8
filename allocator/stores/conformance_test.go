package stores

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/livert"
)

// The store seam's conformance test: rapid generates sequences of store
// operations (inserts, blind saves, slot-lock acquisitions with conflicts
// and duplicates, releases, commands queued and consumed, audit notes,
// reads, and transactions that fail half-way), applies each to the
// in-memory store and to every database store at once, and requires the
// same answers and the same rows after every operation.
//
// Row IDs are compared by rank (the n-th lease committed), because InnoDB
// does not give back an AUTO_INCREMENT value a rolled-back insert took.
// Values the store only keeps (a lease's resource, a command's target, a
// slot lock's owner) are opaque small numbers, the same on every store.

// target is one store under test and its ID translation.
type target struct {
	name  string
	store *allocator.Store
	db    *DB // nil for memory
	// ids maps, per table, an actual ID to its rank and back.
	rank   map[string]map[allocator.ID]allocator.ID
	actual map[string]map[allocator.ID]allocator.ID
}

const (
	tLease    = "lease"
	tResource = "resource"
	tCommand  = "command"
)

func (tg *target) reset(t require.TestingT, rt *livert.Runtime) {
	tg.rank = map[string]map[allocator.ID]allocator.ID{tLease: {}, tResource: {}, tCommand: {}}
	tg.actual = map[string]map[allocator.ID]allocator.ID{tLease: {}, tResource: {}, tCommand: {}}
	if tg.db == nil {
		tg.store = allocator.NewStore(rt)
		return
	}
	for _, table := range tables() {
		_, err := tg.db.db.ExecContext(context.Background(), "DELETE FROM "+table)
		require.NoError(t, err)
	}
	tg.store = allocator.NewStoreOn(rt, tg.db)
}

// commit records that the insert of an actual ID into table committed.
func (tg *target) commit(table string, id allocator.ID) {
	r := allocator.ID(len(tg.rank[table]) + 1)
	tg.rank[table][id] = r
	tg.actual[table][r] = id
}

// real is the actual ID of rank r, or one no row has.
func (tg *target) real(table string, r allocator.ID) allocator.ID {
	if id, ok := tg.actual[table][r]; ok {
		return id
	}
	return 1_000_000 + r
}

func (tg *target) ranked(table string, id allocator.ID) allocator.ID {
	if r, ok := tg.rank[table][id]; ok {
		return r
	}
	return -id
}

// targets opens every store this machine has: memory and SQLite always,
// MySQL when DRYSIM_MYSQL_DSN names a database (make test-mysql).
func targets(t *testing.T) []*target {
	out := []*target{{name: "mem"}}
	db, err := Open(Spec{Kind: SQLite, Target: filepath.Join(t.TempDir(), "conformance.db")})
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	out = append(out, &target{name: "sqlite", db: db})
	if dsn := os.Getenv(MySQLEnv); dsn != "" {
		db, err := Open(Spec{Kind: MySQL, Target: dsn})
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		out = append(out, &target{name: "mysql", db: db})
	}
	return out
}

func TestStoresAgreeOnGeneratedOperationSequences(t *testing.T) {
	want := 200
	if testing.Short() {
		want = 20
	}
	tgs := targets(t)
	if len(tgs) < 3 {
		t.Logf("MariaDB skipped: %s unset (make test-mysql starts a server)", MySQLEnv)
	}
	rt := livert.New(livert.Options{Seed: 1})
	ran := 0
	for ran < want {
		rapid.Check(t, func(rt2 *rapid.T) {
			rt.Do(func() { conformanceSequence(rt2, rt, tgs) })
			ran++
		})
	}
	require.GreaterOrEqual(t, ran, want)
	t.Logf("%d generated sequences, each on %d stores", ran, len(tgs))
}

// conformanceSequence runs one generated sequence on every target.
// drawnEpoch is where the machine's drawn times start (they span a second
// from it); the runtime's clock, which stamps saves, is years later.
const drawnEpoch = 1_700_000_000

func conformanceSequence(t *rapid.T, rt *livert.Runtime, tgs []*target) {
	for _, tg := range tgs {
		tg.reset(t, rt)
	}
	m := &machine{tgs: tgs, now: time.Unix(drawnEpoch, 0)}
	t.Repeat(map[string]func(*rapid.T){
		"insertLease":    m.insertLease,
		"insertResource": m.insertResource,
		"saveLease":      m.saveLease,
		"saveResource":   m.saveResource,
		"acquire":        m.acquire,
		"release":        m.release,
		"command":        m.command,
		"consume":        m.consume,
		"note":           m.note,
		"failHalfWay":    m.failHalfWay,
		"read":           m.read,
		"":               m.check,
	})
}
