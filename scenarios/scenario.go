package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// Scenario is one documented race of one system: the workload that
// exposes it, the invariants that catch it, the fixes that close it and
// the failpoint recipe that makes it happen on the first seed. Hoax,
// Timings, Workload and Steals are Drydock's; another system keeps its
// workload in Config.
type Scenario struct {
	Name   string
	Doc    string // one line: what races
	Source string // where the race is documented
	system *System
	// Race lists the invariants whose violation means "the race happened".
	// Every invariant is checked on every run; a fixed strategy must break
	// none of them.
	Race []string
	// ClosedBy are the fixes that close the race: a strategy that lacks
	// one of them must reproduce it, one that closes all of them must hold
	// (see Expectations).
	ClosedBy []allocator.Fix
	// Closing names the fixes that close the race in systems other than
	// Drydock (whose scenarios name theirs, typed, in ClosedBy).
	Closing []string
	// Variants are strategies beyond the named ones and the reference's
	// ablations that check also holds to their expectation: the racy
	// variant of a fix the reference strategy's design makes moot.
	Variants []string
	// Config is another system's workload for the scenario.
	Config   any
	Hoax     hoax.Config
	Timings  allocator.Timings
	Workload Workload
	// Failpoints are enabled on every run of the scenario (windows widened
	// the way Drydock's authors added sleep() calls to reproduce by hand).
	Failpoints []Failpoint
	// Recipe makes the race happen on seed 1 (drysim run -recipe).
	Recipe Recipe
	// Steals: the scenario measures pending-steals instead of forbidding
	// them; check reports how many it saw.
	Steals bool
	// Load: the report's load figures (throughput, lock waits, resources)
	// use this scenario's runs.
	Load bool
	// Headline: the race drysim shows first (make sim's default, the
	// report's timeline).
	Headline bool
	// Policies: the report compares its system's strategies (rejections,
	// waits) on this scenario's runs.
	Policies bool
}

// Recipe is a set of failpoints that makes one race happen on the first
// seed: the windows Drydock's authors widened with sleep() by hand, as
// pingcap/failpoint terms. Values widen a window in virtual time
// (return(3000) waits three seconds there) or inject a fault.
type Recipe struct {
	Failpoints []Failpoint
	Doc        string
	// NotFor lists (Drydock) fixes whose ablation the recipe does not make
	// fail on seed 1, and why; check still expects those ablations to
	// reproduce within ReproduceSeeds without it.
	NotFor []allocator.Fix
	Why    string
}

// Failpoint is one failpoint setting: name=terms in pingcap's syntax.
type Failpoint struct {
	Name  string
	Terms string
}

func (f Failpoint) String() string { return f.Name + "=" + f.Terms }

// Workload is what the requesters do.
type Workload struct {
	Leases  int // leases requested in all
	Clients int // requesters running at once; each takes its share in turn
	// Arrival spreads the clients' first requests over this window.
	Arrival time.Duration
	// Hold is how long a client keeps an active lease before releasing.
	Hold hoax.Latency
	// Flavours are the flavours leases want, drawn uniformly; empty: none.
	Flavours []string
	// DoubleRelease has a second actor release each lease at the same
	// moment as its requester (the release race).
	DoubleRelease bool
	// Safety is how long faults stay on; then the liveness phase begins
	// and every lease must become active or end within Liveness.
	Safety   time.Duration
	Liveness time.Duration
	// Poll is how often a requester looks at its lease.
	Poll time.Duration
	// Expire, if set, gives every lease an expiry this long (drawn) after
	// its request (bin/drydock lease --until): its holder and Drydock's
	// expiry then both release it, whichever comes first.
	Expire hoax.Latency
	// Abandon, if set, is how long a requester waits for its lease to
	// become active before it gives up and drops it, which releases it
	// (DrydockLease::__destruct, an aborted build).
	Abandon time.Duration
	// Operator, if set, is how often (drawn) an operator releases or
	// reclaims a random resource that is not destroyed, pending ones
	// included, during the safety phase (bin/drydock release-resource and
	// reclaim): hosts lost while in use.
	Operator hoax.Latency
}

// registry is the fixed list of Drydock's scenarios, in the order `drysim
// list` prints them. A function, not a variable: nothing package-level
// mutates.
func registry() []*Scenario {
	return []*Scenario{
		doubleAllocation(),
		pendingOverallocation(),
		pendingSteal(),
		pendingAttributes(),
		reclaimRace(),
		releaseRace(),
		activationFailure(),
		lostHosts(),
		scarceBindings(),
	}
}

// All returns every scenario of every system, system by system.
func All() []*Scenario {
	var out []*Scenario
	for _, sys := range Systems() {
		out = append(out, sys.Scenarios()...)
	}
	return out
}

// System is the system the scenario belongs to (Drydock for a scenario
// made outside All).
func (s *Scenario) System() *System {
	if s.system == nil {
		s.system = drydock()
	}
	return s.system
}

// ClosingFixes names the fixes that close the scenario's race.
func (s *Scenario) ClosingFixes() []string {
	if len(s.ClosedBy) > 0 {
		return fixNames(s.ClosedBy)
	}
	return s.Closing
}

// Names returns the scenario names.
func Names() []string {
	var names []string
	for _, s := range All() {
		names = append(names, s.Name)
	}
	return names
}

// ByName finds a scenario or returns an error listing the known ones.
func ByName(name string) (*Scenario, error) {
	for _, s := range All() {
		if s.Name == name {
			return s, nil
		}
	}
	return nil, fmt.Errorf("unknown scenario %q; valid: %s", name, strings.Join(Names(), ", "))
}

// IsRace reports whether invariant name is one of the scenario's races.
func (s *Scenario) IsRace(name string) bool { return slices.Contains(s.Race, name) }

// Closes reports whether fix f closes the scenario's race.
func (s *Scenario) Closes(f allocator.Fix) bool { return slices.Contains(s.ClosedBy, f) }

// workload applies the lease and client overrides, keeping clients <=
// leases.
func (s *Scenario) workload(leases, clients int) Workload {
	wl := s.Workload
	if leases > 0 {
		wl.Leases = leases
	}
	if clients > 0 {
		wl.Clients = clients
	}
	if wl.Poll == 0 {
		wl.Poll = 5 * time.Second
	}
	wl.Clients = max(min(wl.Clients, wl.Leases), 1)
	return wl
}

// pctHorizon estimates a run's length in steps, for PCT's change points.
func (s *Scenario) pctHorizon(leases int) int64 {
	if leases == 0 {
		leases = s.Workload.Leases
	}
	return int64(leases) * 400
}
