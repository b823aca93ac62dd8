package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// pendingOverallocation: resources take longer to set up than a lease's
// 15 s yield. A lease that wakes while the resource it built is still
// pending builds another, and another (D10304 race 2; closed by D21807).
func pendingOverallocation() *Scenario {
	cfg := hostLatencies(hoax.Config{Limit: 40, LeasesPerResource: 1})
	cfg.ActivateLatency = hoax.Latency{Min: 20 * time.Second, Max: time.Minute}
	return &Scenario{
		Name:   "pending-overallocation",
		Doc:    "a lease that wakes while its resource is pending builds another one",
		Source: "D10304 (seed 001), closed by D21807",
		Race:   []string{InvOnePendingAllocation, InvBlueprintLimit},
		Hoax:   cfg,
		Workload: Workload{
			Leases: 40, Clients: 24, Arrival: 5 * time.Second,
			Hold:     hoax.Latency{Min: 10 * time.Second, Max: 30 * time.Second},
			Liveness: time.Hour,
		},
		ClosedBy: []allocator.Fix{allocator.FixYieldForPending},
		Recipe: Recipe{Failpoints: []Failpoint{{allocator.FPBeforeActivateLease, `3*off->return("60s")`}},
			Doc: "after the first three, every lease takes a minute more to set up on its host, so hosts stay busy while leases wait on the ones they are building"},
	}
}
