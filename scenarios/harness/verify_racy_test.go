package harness_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// racyVariant is where the bounded search finds one racy strategy's race:
// the small world (size and seed), the delay bound it needs, and the
// invariant it breaks first. docs/verify.md ("Every racy variant") is this
// table with its run counts.
type racyVariant struct {
	scenario, strategies string // strategies: one, or several separated by " / "
	world                scenarios.Identity
	delays               int
	invariant            string
	// slow: the search takes more than a few seconds (make verify runs
	// it; make test does not).
	slow bool
}

// small is a world of workers, leases (one requester each) and blueprint
// limit, requesters looking every poll, on one seed, without the
// scenario's failpoints.
func small(workers, leases, limit int, poll time.Duration, seed uint64) scenarios.Identity {
	return scenarios.Identity{Seed: seed, Workers: workers, Leases: leases, Clients: leases, Limit: limit, Poll: poll, NoScenarioFailpoints: true}
}

// racyVariants covers every strategy a Drydock scenario expects to
// reproduce its race (TestRacyVariantsCoverEveryExpectation). Seeds other
// than 1 are the race's shrunk story's (testdata/stories) or, for
// pending-overallocation without yield-for-pending, the first seed whose
// 1-delay search finds it (seeds 1-22 hold within 1 delay).
var racyVariants = []racyVariant{
	{"double-allocation", "naive / slot-without=limit-slot-locks", small(2, 2, 1, 10*time.Minute, 1), 1, scenarios.InvBlueprintLimit, false},
	{"double-allocation", "slot-without=binding-slot-locks", small(2, 2, 2, 10*time.Minute, 1), 3, scenarios.InvBindingUnique, true},
	{"pending-overallocation", "naive", small(2, 2, 1, 10*time.Minute, 1), 1, scenarios.InvBlueprintLimit, false},
	// Eight leases: the D14236 throttle the ablation restores lets a
	// second resource be pending only once five are active.
	{"pending-overallocation", "slot-without=yield-for-pending", small(2, 8, 0, 0, 23), 1, scenarios.InvOnePendingAllocation, false},
	{"pending-steal", "naive / slot-without=limit-slot-locks", small(2, 2, 1, 10*time.Minute, 868), 1, scenarios.InvBlueprintLimit, false},
	{"pending-attributes", "naive", small(2, 2, 1, 20*time.Second, 731), 2, scenarios.InvNeedlessBuild, false},
	// Limit 2: at limit 1 the limit slot locks the ablation keeps stop the
	// second build the race is about.
	{"pending-attributes", "slot-without=attributes-before-save", small(2, 2, 2, 20*time.Second, 731), 2, scenarios.InvNeedlessBuild, false},
	{"reclaim-race", "naive / slot-without=resource-lock-on-acquire", small(2, 2, 1, 10*time.Minute, 1), 1, scenarios.InvAcquireLiveResource, false},
	{"reclaim-race", "slot-without=reclaim-recheck-under-lock", small(2, 2, 1, 10*time.Minute, 1), 2, scenarios.InvReclaimIdleOnly, false},
	{"release-race", "naive / slot-without=release-via-command-queue", small(1, 1, 1, 10*time.Minute, 507), 1, scenarios.InvSingleWriter, false},
	{"release-race", "phorge / slot-without=command-loop-stops", small(1, 1, 1, 10*time.Minute, 507), 1, scenarios.InvReleaseOnce, false},
	{"activation-failure", "naive / slot-without=allocate-failure-yields", small(1, 1, 1, 10*time.Minute, 214), 0, scenarios.InvBrokenOwnCause, false},
	{"lost-hosts", "naive / slot-without=release-via-command-queue", small(1, 1, 1, 10*time.Minute, 282), 2, scenarios.InvSingleWriter, false},
	{"lost-hosts", "phorge / slot-without=command-loop-stops", small(1, 1, 1, 10*time.Minute, 282), 1, scenarios.InvStatusTransitions, false},
	{"scarce-bindings", "naive", small(2, 2, 1, 10*time.Minute, 2308), 3, scenarios.InvBindingUnique, false},
	{"scarce-bindings", "slot-without=binding-slot-locks", small(2, 2, 2, 10*time.Minute, 1), 3, scenarios.InvBindingUnique, true},
}

// TestVerifyFindsEveryRacyVariant: the bounded search finds each racy
// strategy's race within its bound, with the invariant the table names,
// and the violating schedule replays to its hash. The slow rows run
// under make verify (DRYSIM_VERIFY=1).
func TestVerifyFindsEveryRacyVariant(t *testing.T) {
	all := os.Getenv("DRYSIM_VERIFY") != ""
	for _, v := range racyVariants {
		for _, strategy := range strings.Split(v.strategies, " / ") {
			t.Run(v.scenario+"/"+strategy, func(t *testing.T) {
				if v.slow && !all {
					t.Skip("minutes: make verify runs it (DRYSIM_VERIFY=1)")
				}
				id := v.world
				id.Scenario, id.Strategy = v.scenario, strategy
				res, err := harness.Verify(harness.VerifyConfig{Run: id, Preemptions: v.delays, Delays: true, Timers: true,
					Reduction: true, Invariant: harness.VerifyRace})
				require.NoError(t, err)
				require.True(t, res.Failed, "%s: no race within %d delays (%d schedules): replay with drysim verify %s -bound delays -preemptions %d -invariant race",
					id, v.delays, res.Schedules, strings.Join(id.Args(), " "), v.delays)
				require.Equal(t, v.delays, res.FailPreemptions, "the race needs exactly this many delays (fewer would have been found first)")
				require.Truef(t, strings.HasPrefix(res.Violation, v.invariant+" "), "first violation %q, want %s", res.Violation, v.invariant)
				again, err := res.File.Run()
				require.NoError(t, err)
				require.Equal(t, res.Failure.Hash, again.Hash, "the violating schedule replays")
				t.Logf("%s: %s within %d delays, at run %d, %v", id, v.invariant, res.FailPreemptions, res.Runs, res.Elapsed.Round(100*time.Millisecond))
			})
		}
	}
}

// TestRacyVariantsCoverEveryExpectation: every Drydock strategy expected
// to reproduce its scenario's race has a row in racyVariants, and no row
// names one that is not expected to.
func TestRacyVariantsCoverEveryExpectation(t *testing.T) {
	var want, have []string
	for _, s := range scenarios.All() {
		if s.System().Name != "drydock" {
			continue
		}
		for _, e := range s.Expectations() {
			if e.Reproduces {
				want = append(want, s.Name+" "+e.Strategy)
			}
		}
	}
	for _, v := range racyVariants {
		for _, strategy := range strings.Split(v.strategies, " / ") {
			have = append(have, v.scenario+" "+strategy)
		}
	}
	slices.Sort(want)
	slices.Sort(have)
	require.Equal(t, want, have, "racyVariants must name every racy Drydock strategy once")
}
