package reports_test

import (
	"fmt"

	"github.com/drysim/drysim/reports"
)

// A plan of 2 strategies x 2 worker counts x 3 seeds, split into 3 shards:
// every run lands in exactly one shard.
func ExamplePlan_Keys() {
	plan := reports.Plan{
		Scenarios: []string{"reclaim-race"}, Strategies: []string{"naive", "slot"},
		Workers: []int{16, 64}, Scheds: []string{"random"}, Seeds: 3,
	}
	fmt.Println("whole plan:", len(plan.Keys()), "runs")
	for i := range 3 {
		plan.Shard = reports.Shard{Index: i, Count: 3}
		keys := plan.Keys()
		fmt.Printf("shard %s: %d runs, first %s\n", plan.Shard, len(keys), keys[0])
	}
	// Output:
	// whole plan: 12 runs
	// shard 0/3: 4 runs, first reclaim-race/naive/w16/random/seed1
	// shard 1/3: 4 runs, first reclaim-race/naive/w16/random/seed2
	// shard 2/3: 4 runs, first reclaim-race/naive/w16/random/seed3
}
