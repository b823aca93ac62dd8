package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// scarceBindings: fewer host bindings than the blueprint's limit, so the
// binding, not the limit, runs out first. Almanac's allocateResource then
// takes the last binding it reads as free and expects to collide: only the
// binding slot lock in the first-save transaction (D14118) keeps two live
// hosts off one binding. Every path through the binding choice gets used,
// the collision included.
func scarceBindings() *Scenario {
	return &Scenario{
		Name:   "scarce-bindings",
		Doc:    "fewer bindings than the limit: leases race for the last free binding",
		Source: "D10304 (seed 001), closed by D14118",
		Race:   []string{InvBindingUnique},
		Hoax: hostLatencies(hoax.Config{
			Limit: 8, LeasesPerResource: 2, Bindings: hosts(4), PrefersSupplemental: true, ActivateWhenAllocated: true,
		}),
		Workload: Workload{
			Leases: 48, Clients: 32, Arrival: 5 * time.Second,
			Hold:     hoax.Latency{Min: 5 * time.Second, Max: 40 * time.Second},
			Liveness: time.Hour,
		},
		ClosedBy: []allocator.Fix{allocator.FixBindingSlotLocks},
		Recipe: Recipe{Failpoints: []Failpoint{{allocator.FPBeforeAllocateResource, "return(2000)"}},
			Doc: "two seconds between reading which bindings look free and the first save"},
	}
}
