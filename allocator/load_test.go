package allocator_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// loadRun is the allocator under the double-allocation workload: 64
// workers, 200 leases, hoax limit 10, 4 leases per resource, 16 bindings.
func loadRun(t *testing.T, strategy string, seed uint64) *harness.Result {
	t.Helper()
	res, err := harness.Run(scenarios.Identity{Scenario: "double-allocation", Strategy: strategy, Seed: seed, Workers: 64}, harness.Options{})
	require.NoError(t, err)
	cfg := res.Hoax.Config()
	require.Equal(t, 10, cfg.Limit)
	require.Equal(t, 4, cfg.LeasesPerResource)
	require.Equal(t, 200, res.Metrics.LeasesRequested)
	return res
}

// loadProperties checks the allocator's promises from the raw store and
// the hoax's own counts, independently of the scenario checker, and
// returns the first one broken ("" if none).
func loadProperties(res *harness.Result) string {
	s := res.Store
	active := 0
	for l := range s.AllLeases() {
		if !l.Activated.IsZero() {
			active++
		}
		if n := res.Hoax.Counts().ReleaseHooks[l.ID]; n != 1 {
			return fmt.Sprintf("release hook ran %d times for lease %d", n, l.ID)
		}
	}
	if active != 200 {
		return fmt.Sprintf("only %d of 200 leases became active", active)
	}
	// Replay the resource history: never more than 10 not destroyed, never
	// one binding under two live resources.
	status := map[allocator.ID]allocator.ResourceStatus{}
	for _, e := range s.AuditLog() {
		if e.Kind != allocator.AuditResourceStatus {
			continue
		}
		status[e.Resource] = allocator.ResourceStatus(e.To)
		alive, byBinding := 0, map[string]int{}
		for id, st := range status {
			r, _ := s.PeekResource(id)
			if st != allocator.ResourceDestroyed {
				alive++
			}
			if st.Live() {
				byBinding[r.Attributes.Value(hoax.AttrBinding)]++
			}
		}
		if alive > 10 {
			return fmt.Sprintf("%d resources existed at once, limit 10", alive)
		}
		for b, n := range byBinding {
			if n > 1 {
				return fmt.Sprintf("binding %s backed %d live resources", b, n)
			}
		}
	}
	return ""
}

func TestSlotKeepsEveryPromiseUnderLoad(t *testing.T) {
	seeds := uint64(100)
	if testing.Short() {
		seeds = 20
	}
	for seed := uint64(1); seed <= seeds; seed++ {
		res := loadRun(t, "slot", seed)
		require.Empty(t, res.Violations, "seed %d: %v\nrepro: %s", seed, res.Violations, res.Repro())
		require.Empty(t, loadProperties(res), "seed %d\nrepro: %s", seed, res.Repro())
		require.Equal(t, 200, res.Metrics.LeasesActivated)
	}
}

// The same workload must break under naive on some seed: proof that the
// checks above are not blind.
func TestNaiveBreaksAPromiseUnderLoad(t *testing.T) {
	for seed := uint64(1); seed <= 100; seed++ {
		res := loadRun(t, "naive", seed)
		if broken := loadProperties(res); broken != "" {
			t.Logf("naive broke a promise at seed %d: %s\nrepro: %s", seed, broken, res.Repro())
			return
		}
	}
	t.Fatal("naive kept every promise over 100 seeds: the harness cannot see the races it exists for")
}
