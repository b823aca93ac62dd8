package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// lostHosts: an operator releases or reclaims hosts at any time, while
// leases use them or while they are still being set up, and requesters give
// up on leases that take too long. Drydock cannot keep a host from dying
// ("we can not prevent resources dying from lightning strikes",
// activateLease); what it must keep is the single writer per object: every
// release goes through the command queue (D14143), and a worker stops
// consuming commands once its object is gone (the loop check phorge removed
// in D26884). Throw-backs and active leases on dead resources get
// exercised along the way.
func lostHosts() *Scenario {
	return &Scenario{
		Name:   "lost-hosts",
		Doc:    "an operator releases or reclaims hosts in use or still pending; requesters abandon slow leases",
		Source: "T13073 (seed 002): resources die in use; D14143 (seed 004): one writer per object",
		Race:   []string{InvSingleWriter, InvStatusTransitions, InvReleaseOnce},
		Hoax:   hostLatencies(hoax.Config{Limit: 6, LeasesPerResource: 2}),
		Workload: Workload{
			Leases: 40, Clients: 16, Arrival: 30 * time.Second,
			Hold:   hoax.Latency{Min: 5 * time.Second, Max: 30 * time.Second},
			Safety: 10 * time.Minute, Liveness: time.Hour,
			Abandon:  5 * time.Minute,
			Operator: hoax.Latency{Min: 5 * time.Second, Max: 30 * time.Second},
		},
		ClosedBy: []allocator.Fix{allocator.FixReleaseViaCommandQueue, allocator.FixCommandLoopStops},
		Recipe: Recipe{Failpoints: []Failpoint{{allocator.FPBeforeReleaseResource, "return(2000)"}, {allocator.FPBeforeLinkLease, `return("20s")`}},
			Doc: "two seconds between a direct releaser's read of a resource and its write, and twenty between acquire's re-read and the link, so commands pile up behind busy workers"},
	}
}
