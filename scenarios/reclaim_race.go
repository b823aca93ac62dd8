package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// reclaimRace: the pool is full of idle hosts of one flavour while leases
// want both. A lease that needs the other flavour judges an idle host
// reclaimable while a lease of its flavour is linking to it (PHI312).
// Closed by D19080: acquire re-reads and links under the resource lock,
// and the resource worker re-checks idleness under the same lock.
func reclaimRace() *Scenario {
	return &Scenario{
		Name:   "reclaim-race",
		Doc:    "a reclaim releases a resource while a lease is being linked to it (PHI312)",
		Source: "T13073 (seed 002), closed by D19080",
		Race:   []string{InvReclaimIdleOnly, InvAcquireLiveResource},
		Hoax: hostLatencies(hoax.Config{
			Limit: 3, LeasesPerResource: 1,
		}),
		Timings: allocator.Timings{ReclaimIdle: 3 * time.Second},
		Workload: Workload{
			Leases: 30, Clients: 8, Arrival: 10 * time.Second,
			Hold:     hoax.Latency{Min: time.Second, Max: 10 * time.Second},
			Flavours: []string{"linux", "windows"},
			Liveness: time.Hour,
		},
		Failpoints: []Failpoint{
			{allocator.FPBeforeLinkLease, "return(500)"},
			{allocator.FPBeforeReclaimRelease, "return(500)"},
		},
		ClosedBy: []allocator.Fix{allocator.FixResourceLockOnAcquire, allocator.FixReclaimRecheckUnderLock},
		Recipe: Recipe{Failpoints: []Failpoint{{allocator.FPBeforeLinkLease, `return("12s")`}, {allocator.FPBeforeReclaimRelease, `return("12s")`}},
			Doc: "twelve seconds between acquire's re-read and the link, and between a reclaim's idle check and the release"},
		Headline: true,
	}
}
