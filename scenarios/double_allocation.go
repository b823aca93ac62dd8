package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// doubleAllocation: a burst of leases each reads the free bindings and the
// resource count without a lock, then builds. Without slot locks in the
// first-save transaction two resources land on one host binding, or the
// blueprint grows past its limit (D10304 race 1; closed by D14118 and D14334).
func doubleAllocation() *Scenario {
	return &Scenario{
		Name:   "double-allocation",
		Doc:    "two leases build on the same host binding, or past the blueprint's limit",
		Source: "D10304 (seed 001), closed by D14118 (bindings) and D14334 (the limit)",
		Race:   []string{InvBindingUnique, InvBlueprintLimit},
		Hoax: hostLatencies(hoax.Config{
			Limit: 10, LeasesPerResource: 4, Bindings: hosts(16), PrefersSupplemental: true,
		}),
		Workload: Workload{
			Leases: 200, Clients: 64, Arrival: 10 * time.Second,
			Hold:     hoax.Latency{Min: 10 * time.Second, Max: time.Minute},
			Liveness: time.Hour,
		},
		ClosedBy: []allocator.Fix{allocator.FixBindingSlotLocks, allocator.FixLimitSlotLocks},
		Recipe: Recipe{Failpoints: []Failpoint{{allocator.FPBeforeAllocateResource, "return(2000)"}},
			Doc: "two seconds between the coarse limit/binding check and the first save"},
		Load: true,
	}
}
