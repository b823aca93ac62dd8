package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// pendingAttributes: hosts that need no setup are active from their first
// save (Almanac-like). If that save lacks the attributes, a lease that
// wants the flavour the host is being built with cannot use it yet (real
// blueprints refuse a resource without the attribute: WorkingCopy's
// canAcquireLeaseOnResource returns false without repositories.map), so it
// builds another: the over-allocation D10304's race 4 describes. D14117
// made attributes-before-first-save Drydock's rule; D14234 broke it for
// working copies for three weeks and D14334 restored it.
func pendingAttributes() *Scenario {
	return &Scenario{
		Name:   "pending-attributes",
		Doc:    "a resource is visible before its attributes are set; a lease it would serve builds another",
		Source: "D10304 (seed 001, race 4); closed by D14117's attributes-before-first-save rule",
		Race:   []string{InvNeedlessBuild},
		Hoax: hostLatencies(hoax.Config{
			Limit: 8, LeasesPerResource: 2, ActivateWhenAllocated: true,
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
