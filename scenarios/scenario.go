package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// Scenario is one documented race: the workload that exposes it, the hoax
// knobs, the invariants that catch it, and what each strategy is expected
// to do.
type Scenario struct {
	Name   string
	Doc    string // one line: what races
	Source string // where the race is documented
	// Race lists the invariants whose violation means "the race happened".
	// Every invariant is checked on every run; a fixed strategy must break
	// none of them.
	Race     []string
	Hoax     hoax.Config
	Timings  allocator.Timings
	Workload Workload
	// Failpoints are enabled on every run of the scenario (windows widened
	// the way Drydock's authors added sleep() calls to reproduce by hand).
	Failpoints []Failpoint
	// Expect maps a strategy name to what it must do.
	Expect []Expectation
	// Steals: the scenario measures pending-steals instead of forbidding
	// them; check reports how many it saw.
	Steals bool
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
}

// Expectation is what one strategy must do on a scenario.
type Expectation struct {
	Strategy string
	// Reproduces: some seed within Seeds must violate a Race invariant.
	// Otherwise the strategy must hold (no violation at all) over Seeds.
	Reproduces bool
	Seeds      int
}

func (e Expectation) String() string {
	if e.Reproduces {
		return fmt.Sprintf("reproduces within %d", e.Seeds)
	}
	return fmt.Sprintf("holds over %d", e.Seeds)
}

// registry is the fixed list of scenarios, in the order `drysim list`
// prints them. A function, not a variable: nothing package-level mutates.
func registry() []*Scenario {
	return []*Scenario{
		doubleAllocation(),
		pendingOverallocation(),
		pendingSteal(),
		pendingAttributes(),
		reclaimRace(),
		releaseRace(),
		activationFailure(),
	}
}

// All returns every scenario.
func All() []*Scenario { return registry() }

// Names returns the scenario names.
func Names() []string {
	var names []string
	for _, s := range registry() {
		names = append(names, s.Name)
	}
	return names
}

// ByName finds a scenario or returns an error listing the known ones.
func ByName(name string) (*Scenario, error) {
	for _, s := range registry() {
		if s.Name == name {
			return s, nil
		}
	}
	return nil, fmt.Errorf("unknown scenario %q; valid: %s", name, strings.Join(Names(), ", "))
}

// Expectation returns the scenario's expectation for a strategy name.
func (s *Scenario) Expectation(strategy string) (Expectation, bool) {
	i := slices.IndexFunc(s.Expect, func(e Expectation) bool { return e.Strategy == strategy })
	if i < 0 {
		return Expectation{}, false
	}
	return s.Expect[i], true
}
