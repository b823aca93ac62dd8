package sweep_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/sim"
)

var random = sim.SchedulerSpec{Scheduler: sim.Random{}}

func smallPlan() sweep.Plan {
	return sweep.Plan{
		Scenarios: []string{"reclaim-race", "release-race"}, Strategies: []string{"naive", "slot"},
		Workers: []int{4, 16}, Scheds: []sim.SchedulerSpec{random, {Scheduler: sim.PCT{Depth: 3}}}, Seeds: 5,
	}
}

func keys(p sweep.Plan) []string {
	var out []string
	for id := range p.All() {
		out = append(out, id.String())
	}
	return out
}

func TestShardsPartitionThePlan(t *testing.T) {
	p := smallPlan()
	require.NoError(t, p.Validate())
	whole := keys(p)
	require.Len(t, whole, p.Len())
	seen := map[string]int{}
	for i := range 4 {
		q := p
		q.Shard = sweep.Shard{Index: i, Count: 4}
		ks := keys(q)
		require.Len(t, ks, q.Len())
		require.InDelta(t, len(whole)/4, len(ks), 1)
		for _, k := range ks {
			seen[k]++
		}
	}
	require.Len(t, seen, len(whole))
	for k, n := range seen {
		require.Equal(t, 1, n, k)
	}
}

func TestBadPlansNameWhatIsValid(t *testing.T) {
	tests := []struct {
		mutate func(*sweep.Plan)
		want   string
	}{
		{func(p *sweep.Plan) { p.Scenarios = []string{"nope"} }, `unknown scenario "nope"`},
		{func(p *sweep.Plan) { p.Strategies = []string{"nope"} }, `unknown strategy "nope"`},
		{func(p *sweep.Plan) { p.Workers = []int{0} }, "worker count 0"},
		{func(p *sweep.Plan) { p.Seeds = 0 }, "seeds 0"},
		{func(p *sweep.Plan) { p.Workers = nil }, "every axis"},
		{func(p *sweep.Plan) { p.Workers = []int{4, 4} }, "a worker count is listed twice"},
		{func(p *sweep.Plan) { p.FirstSeed = 1<<64 - 2 }, "would pass the largest seed"},
		{func(p *sweep.Plan) { p.Seeds = 1 << 40 }, "runs planned; the limit is"},
	}
	for _, tc := range tests {
		p := smallPlan()
		tc.mutate(&p)
		require.ErrorIs(t, p.Validate(), sweep.ErrSweep)
		require.ErrorContains(t, p.Validate(), tc.want)
	}
	_, err := sweep.ParseShard("3/3")
	require.ErrorContains(t, err, "want i/n with 0 <= i < n")
	_, err = sweep.ParseInts("8,x")
	require.ErrorContains(t, err, "not a list of whole numbers")
	_, err = sweep.ParseScheds("random,dfs")
	require.ErrorContains(t, err, `unknown scheduler "dfs"`)
}

// A plan of 10^8 runs costs nothing until its runs are taken: the first
// ones come at once and memory does not grow with the plan.
func TestAHugePlanStartsAtOnceInConstantMemory(t *testing.T) {
	p := sweep.Plan{Scenarios: []string{"reclaim-race"}, Strategies: []string{"slot"}, Workers: []int{64}, Scheds: []sim.SchedulerSpec{random}, Seeds: 100_000_000}
	require.NoError(t, p.Validate())
	require.Equal(t, 100_000_000, p.Len())
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start, n := time.Now(), 0
	for id := range p.All() {
		if n++; n == 1000 {
			require.Equal(t, uint64(1000), id.Seed)
			break
		}
	}
	runtime.ReadMemStats(&after)
	t.Logf("first 1000 of 10^8 runs in %v, %d bytes allocated", time.Since(start), after.TotalAlloc-before.TotalAlloc)
	require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(10<<20), "taking 1000 runs allocates per run, not per plan")
}

// A plan of 2 strategies x 2 worker counts x 3 seeds, split into 3 shards:
// every run lands in exactly one shard.
func ExamplePlan_All() {
	plan := sweep.Plan{
		Scenarios: []string{"reclaim-race"}, Strategies: []string{"naive", "slot"},
		Workers: []int{16, 64}, Scheds: []sim.SchedulerSpec{{}}, Seeds: 3,
	}
	fmt.Println("whole plan:", plan.Len(), "runs")
	for i := range 3 {
		plan.Shard = sweep.Shard{Index: i, Count: 3}
		for id := range plan.All() {
			fmt.Printf("shard %s: %d runs, first %s\n", plan.Shard, plan.Len(), id)
			break
		}
	}
	// Output:
	// whole plan: 12 runs
	// shard 0/3: 4 runs, first -scenario reclaim-race -strategy naive -seed 1 -workers 16
	// shard 1/3: 4 runs, first -scenario reclaim-race -strategy naive -seed 2 -workers 16
	// shard 2/3: 4 runs, first -scenario reclaim-race -strategy naive -seed 3 -workers 16
}

// A sweep of several systems crosses each scenario with its own system's
// strategies, in plan order; a strategy no scenario takes, or a scenario
// with none, is refused.
func TestPlansAcrossSystems(t *testing.T) {
	p := sweep.Plan{
		Scenarios: []string{"reclaim-race", "layers-abba"}, Strategies: []string{"naive", "go", "slot"},
		Workers: []int{8}, Scheds: []sim.SchedulerSpec{random}, Seeds: 2,
	}
	require.NoError(t, p.Validate())
	require.Equal(t, 6, p.Len())
	var got []string
	for id := range p.All() {
		got = append(got, fmt.Sprintf("%s/%s/%d", id.Scenario, id.Strategy, id.Seed))
	}
	require.Equal(t, []string{"reclaim-race/naive/1", "reclaim-race/naive/2", "reclaim-race/slot/1", "reclaim-race/slot/2",
		"layers-abba/go/1", "layers-abba/go/2"}, got)

	p.Strategies = []string{"naive", "nope"}
	require.ErrorContains(t, p.Validate(), `unknown strategy "nope"; valid: naive, global, slot`, "Drydock's strategies")
	require.ErrorContains(t, p.Validate(), `; and unknown layer-store strategy "nope"`, "and the layer store's")
	p.Strategies = []string{"naive"}
	require.ErrorContains(t, p.Validate(), "scenario layers-abba (layerstore) has none of the strategies naive; its system's are go, writer-preferring, reader-preferring")
}

// "named" and "all" expand to the strategies of the listed scenarios'
// systems only.
func TestParseStrategies(t *testing.T) {
	tests := []struct {
		in        string
		scenarios []string
		want      []string
	}{
		{"named", []string{"layers-abba"}, []string{"go", "writer-preferring", "reader-preferring"}},
		{"named", []string{"reclaim-race", "atlantis-lock-order"}, []string{"naive", "global", "slot", "phorge", "fail-fast", "poll-retry", "queue", "blocking"}},
		{"all", []string{"layers-abba"}, []string{"go", "writer-preferring", "reader-preferring",
			"go-without=writers-block-new-readers", "go-without=modified-since-per-store", "go-without=fixup-under-write-lock", "go-without=global-lock-order"}},
		{"slot, naive", []string{"reclaim-race"}, []string{"slot", "naive"}},
	}
	for _, tc := range tests {
		require.Equal(t, tc.want, sweep.ParseStrategies(tc.in, tc.scenarios), tc.in)
	}
}
