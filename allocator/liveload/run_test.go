package liveload_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator/liveload"
	"github.com/drysim/drysim/allocator/stores"
)

// storesHere are the stores this machine has: memory and SQLite, and
// MariaDB when DRYSIM_MYSQL_DSN is set (make test-mysql). Under the race
// detector (and with -short) SQLite is left out: its driver is C
// translated to Go, which the race detector slows so much that a
// wall-clock run times out every lock wait; the conformance test covers
// the store's code under -race.
func storesHere(t *testing.T) map[string]stores.Spec {
	out := map[string]stores.Spec{"mem": {Kind: stores.Memory}}
	if !testing.Short() && !raceEnabled {
		out["sqlite"] = stores.Spec{Kind: stores.SQLite, Target: filepath.Join(t.TempDir(), "load.db")}
	}
	if dsn := os.Getenv(stores.MySQLEnv); dsn != "" {
		out["mysql"] = stores.Spec{Kind: stores.MySQL, Target: dsn}
	} else {
		t.Logf("MariaDB skipped: %s unset (make test-mysql starts a server)", stores.MySQLEnv)
	}
	return out
}

func config(strategy string, store stores.Spec, d time.Duration) liveload.Config {
	return liveload.Config{
		Strategy: strategy, Workers: 32, Duration: d, Rate: 150, Store: store, TimeScale: 0.001,
		Scenario: "double-allocation", Seed: 1, Fresh: true, Check: liveload.CheckAll, Drain: 30 * time.Second,
	}
}

// slot holds every invariant live on every store, and a run that ends
// leaves nothing behind.
func TestSlotHoldsLiveOnEveryStore(t *testing.T) {
	for name, spec := range storesHere(t) {
		t.Run(name, func(t *testing.T) {
			rep, err := liveload.Run(context.Background(), config("slot", spec, time.Second))
			require.NoError(t, err)
			var out strings.Builder
			rep.Print(&out)
			require.True(t, rep.Drained, out.String())
			require.True(t, rep.Held(), out.String())
			// Some leases got through; how many is a benchmark's business
			// (BenchmarkStressBaseline), not a shared machine's test.
			require.Positive(t, rep.Activated, out.String())
			require.Positive(t, rep.AuditEntries, out.String())
		})
	}
}

// An interrupt (Ctrl-C) mid-run: requesters release what they hold,
// the queue drains, and the store shows no lease that did not end, no
// resource half-way, no orphan slot lock and no object lock held, in the
// process or (MySQL) on the server.
func TestInterruptLeavesNothingBehind(t *testing.T) {
	for name, spec := range storesHere(t) {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cfg := config("slot", spec, time.Minute)
			cfg.Progress = func(p liveload.Progress) {
				if p.Elapsed >= 600*time.Millisecond && p.InFlight > 0 {
					cancel() // mid-run: leases are held and requested
				}
			}
			rep, err := liveload.Run(ctx, cfg)
			require.NoError(t, err)
			var out strings.Builder
			rep.Print(&out)
			require.True(t, rep.Interrupted, out.String())
			require.Less(t, rep.Wall, 30*time.Second, "the interrupt, not the duration, ended it")
			require.True(t, rep.Drained, out.String())
			require.Empty(t, rep.Leftovers, out.String())
			require.Zero(t, rep.HeldLocks, out.String())
			require.Zero(t, rep.UsedNamedLock, out.String())
			require.True(t, rep.Held(), out.String())
			require.Contains(t, out.String(), "interrupted")
		})
	}
}
