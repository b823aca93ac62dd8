package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// activationFailure: hosts fail setup, leases fail setup, hosts hang until
// a timeout, and the blueprint sometimes says it can allocate and then
// fails. Leases must recover: a failed resource sends its leases back to
// the pool (D19076), a failed allocation is logged and retried (D19070),
// a failed lease activation breaks only that lease. After the faults stop,
// every lease must become active or end.
func activationFailure() *Scenario {
	cfg := hostLatencies(hoax.Config{
		Limit: 6, LeasesPerResource: 2,
		ResourceFailRate: 0.25, LeaseFailRate: 0.1, HangRate: 0.1, HangFor: 10 * time.Minute,
		AllocateFailRate: 0.2,
	})
	return &Scenario{
		Name:   "activation-failure",
		Doc:    "resource setup fails, lease setup fails, hosts hang; leases must recover",
		Source: "T13073 (seed 002), D19070, D19076",
		Race:   []string{InvBrokenOwnCause, InvLiveness},
		Hoax:   cfg,
		Workload: Workload{
			Leases: 40, Clients: 16, Arrival: 30 * time.Second,
			Hold:   hoax.Latency{Min: 5 * time.Second, Max: 30 * time.Second},
			Safety: 20 * time.Minute, Liveness: time.Hour,
			Abandon: 10 * time.Minute,
		},
		ClosedBy: []allocator.Fix{allocator.FixAllocateFailureYields},
		Recipe: Recipe{Failpoints: []Failpoint{{hoax.FPAllocateResource, `2*return("fail")`}, {hoax.FPActivateResource, `1*return("hang")`}},
			Doc: "the first two allocations fail after the blueprint said yes; the first setup hangs"},
	}
}
