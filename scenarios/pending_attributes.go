package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// pendingAttributes: hosts that need no setup are active from their first
// save. If that save lacks the attributes, a lease with different wants
// acquires the host in the gap, and then the attributes arrive and
// contradict it (D10304 race 4: initializePendingResource).
func pendingAttributes() *Scenario {
	return &Scenario{
		Name:   "pending-attributes",
		Doc:    "a resource is visible before its attributes are set; a lease with other wants takes it",
		Source: "D10304 (seed 001); attributes are set before the first save",
		Race:   []string{InvAttributesMatch},
		Hoax: hostLatencies(hoax.Config{
			Limit: 8, LeasesPerResource: 2, ActivateWhenAllocated: true, Reclaimable: true,
		}),
		Timings: allocator.Timings{ReclaimIdle: 3 * time.Second},
		Workload: Workload{
			Leases: 40, Clients: 16, Arrival: 5 * time.Second,
			Hold:     hoax.Latency{Min: 5 * time.Second, Max: 20 * time.Second},
			Flavours: []string{"linux", "windows"},
			Liveness: time.Hour,
		},
		Failpoints: []Failpoint{{allocator.FPBeforeSaveAttributes, "return(2000)"}},
		ClosedBy:   []allocator.Fix{allocator.FixAttributesBeforeSave},
		Recipe: Recipe{Failpoints: []Failpoint{{allocator.FPBeforeSaveAttributes, "return(5000)"}},
			Doc: "five seconds between a resource's first save and its attributes"},
	}
}
