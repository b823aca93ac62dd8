package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// pendingSteal: lease A builds R and yields; when R turns active, lease B
// (arriving, or woken first) acquires it before A runs again, and A finds
// no room. Drydock accepts this as rare: A builds again or yields, and
// must never break or stall. Measured (steals per run), not forbidden.
func pendingSteal() *Scenario {
	cfg := hostLatencies(hoax.Config{Limit: 6, LeasesPerResource: 1})
	cfg.ActivateLatency = hoax.Latency{Min: 10 * time.Second, Max: 30 * time.Second}
	return &Scenario{
		Name:   "pending-steal",
		Doc:    "a resource built for one lease is taken by another; the builder must recover",
		Source: "D10304 (seed 001): open, accepted",
		Race:   []string{InvLiveness, InvBrokenOwnCause, InvOnePendingAllocation, InvBlueprintLimit},
		Hoax:   cfg,
		Workload: Workload{
			Leases: 60, Clients: 20, Arrival: time.Minute,
			Hold:     hoax.Latency{Min: 5 * time.Second, Max: 20 * time.Second},
			Liveness: time.Hour,
		},
		Steals:   true,
		ClosedBy: []allocator.Fix{allocator.FixLimitSlotLocks},
		Recipe: Recipe{Failpoints: []Failpoint{{allocator.FPAfterCandidates, "50%return(3000)"}, {allocator.FPBeforeAllocateResource, "return(1000)"}},
			Doc: "half the allocation passes dawdle 3 s after reading candidates (the 50% is drawn from the world's PRNG), and every build a second after its coarse check"},
	}
}
