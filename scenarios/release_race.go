package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// releaseRace: a requester and an admin release the same lease at once,
// and leases expire while their holders still hold them. Without a command
// queue both releasers see the lease releasable and both run the release
// hooks (D14143: release is a command consumed by the lease's single
// writer). With the queue but without the loop's stop (phorge's D26884)
// the second release command runs on the destroyed lease. The hosts need
// no setup (Almanac-like): their leases activate as they are acquired.
func releaseRace() *Scenario {
	return &Scenario{
		Name:   "release-race",
		Doc:    "two actors release the same lease at once; the release hooks run twice",
		Source: "D14143 (seed 004); phorge's D26884 reopened it",
		Race:   []string{InvReleaseOnce, InvSingleWriter},
		Hoax:   hostLatencies(hoax.Config{Limit: 8, LeasesPerResource: 2, ActivateWhenAllocated: true}),
		Workload: Workload{
			Leases: 24, Clients: 12, Arrival: 5 * time.Second,
			Hold:          hoax.Latency{Min: time.Second, Max: 10 * time.Second},
			DoubleRelease: true,
			Expire:        hoax.Latency{Min: 10 * time.Second, Max: 40 * time.Second},
			Liveness:      time.Hour,
		},
		Failpoints: []Failpoint{{allocator.FPBeforeReleaseLease, "return(200)"}},
		ClosedBy:   []allocator.Fix{allocator.FixReleaseViaCommandQueue, allocator.FixCommandLoopStops},
		Recipe: Recipe{Failpoints: []Failpoint{{allocator.FPBeforeReleaseLease, "return(1000)"}},
			Doc: "one second between a releaser's check and its write"},
	}
}
