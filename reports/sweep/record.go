package sweep

import (
	"cmp"
	"fmt"
	"strconv"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// Record is one run of a sweep, one JSON line in a results file. Every
// field follows from the run's identity, so a record is the same however,
// wherever and in which shard it was produced.
type Record struct {
	Scenario string `json:"scenario"`
	Strategy string `json:"strategy"`
	Workers  int    `json:"workers"`
	Sched    string `json:"sched"`
	Seed     uint64 `json:"seed"`
	// Overrides, when the identity has them (a sweep's plans have none).
	Leases               int               `json:"leases,omitempty"`
	Clients              int               `json:"clients,omitempty"`
	Limit                int               `json:"limit,omitempty"`
	Poll                 time.Duration     `json:"poll_ns,omitempty"`
	NoScenarioFailpoints bool              `json:"no_scenario_failpoints,omitempty"`
	Failpoints           []string          `json:"failpoints,omitempty"`
	Outcome              sim.Outcome       `json:"outcome"`
	Reason               string            `json:"reason,omitempty"`
	Violations           []Violation       `json:"violations,omitempty"`
	Race                 bool              `json:"race"` // a violation of one of the scenario's race invariants
	Hash                 string            `json:"hash"`
	Elapsed              time.Duration     `json:"elapsed_ns"` // virtual
	Metrics              scenarios.Metrics `json:"metrics"`
	// Build is the drysim build that ran it (harness.Build): the same
	// identity gives the same record only within one build, so a report
	// that mixes builds says so.
	Build string `json:"build,omitempty"`
}

// Violation is a scenarios.Violation in JSON.
type Violation struct {
	Invariant string        `json:"invariant"`
	Objects   []string      `json:"objects,omitempty"`
	Step      int64         `json:"step"`
	Time      time.Duration `json:"time_ns"`
	Detail    string        `json:"detail"`
}

// NewRecord files a run's identity, outcome and findings as a record.
func NewRecord(id scenarios.Identity, outcome sim.Outcome) Record {
	id = id.Normalized()
	r := Record{
		Scenario: id.Scenario, Strategy: id.Strategy, Workers: id.Workers, Sched: id.Sched.String(), Seed: id.Seed,
		Leases: id.Leases, Clients: id.Clients, Limit: id.Limit, Poll: id.Poll, NoScenarioFailpoints: id.NoScenarioFailpoints,
		Outcome: outcome,
	}
	for _, fp := range id.Failpoints {
		r.Failpoints = append(r.Failpoints, fp.String())
	}
	return r
}

// Identity is the run the record stands for. A record whose fields do
// not make a valid identity gives one whose Validate says why.
func (r Record) Identity() scenarios.Identity {
	id := scenarios.Identity{
		Scenario: r.Scenario, Strategy: r.Strategy, Workers: r.Workers, Seed: r.Seed,
		Leases: r.Leases, Clients: r.Clients, Limit: r.Limit, Poll: r.Poll, NoScenarioFailpoints: r.NoScenarioFailpoints,
	}
	if err := id.Sched.UnmarshalText([]byte(r.Sched)); err != nil {
		id.Sched = sim.SchedulerSpec{}
	}
	for _, text := range r.Failpoints {
		if fp, err := scenarios.ParseFailpoint(text); err == nil {
			id.Failpoints = append(id.Failpoints, fp)
		}
	}
	return id
}

// Key identifies the record's run: two records with the same key are the
// same run.
func (r Record) Key() string { return r.Identity().String() }

// Repro is the drysim command that reruns the record.
func (r Record) Repro() string { return r.Identity().Command("run") }

// Failed reports whether the run broke an invariant that is not merely
// measured, or did not finish.
func (r Record) Failed() bool {
	if r.Outcome != sim.Done {
		return true
	}
	for _, v := range r.Violations {
		if !scenarios.IsMeasured(v.Invariant) {
			return true
		}
	}
	return false
}

// Compare orders records the way reports list them.
func Compare(a, b Record) int {
	if c := cmp.Or(
		cmp.Compare(a.Scenario, b.Scenario), cmp.Compare(a.Strategy, b.Strategy),
		cmp.Compare(a.Workers, b.Workers), cmp.Compare(a.Sched, b.Sched), cmp.Compare(a.Seed, b.Seed),
	); c != 0 {
		return c
	}
	return cmp.Compare(a.Key(), b.Key()) // overrides, rare in sweeps
}

// Validate checks that the record stands for a run drysim can make: a
// known scenario and strategy, a worker count and scheduler in range, a
// named outcome and a trace hash. A line that parses as JSON but fails
// here ({}, null, a hand-edited line) is a bad line, not a run.
func (r Record) Validate() error {
	if r.Scenario == "" {
		return fmt.Errorf("no scenario (want a drysim sweep record)")
	}
	id := r.Identity()
	if err := id.Validate(); err != nil {
		return err
	}
	var sched sim.SchedulerSpec
	if err := sched.UnmarshalText([]byte(r.Sched)); err != nil {
		return fmt.Errorf("sched %q: %w", r.Sched, err)
	}
	if r.Workers < 1 {
		return fmt.Errorf("workers %d: want 1 to %d", r.Workers, scenarios.MaxWorkers)
	}
	if len(id.Failpoints) != len(r.Failpoints) {
		return fmt.Errorf("failpoints %q: want name=terms each", r.Failpoints)
	}
	if _, err := r.Outcome.MarshalText(); err != nil {
		return fmt.Errorf("outcome: %w", err)
	}
	if _, err := strconv.ParseUint(r.Hash, 16, 64); err != nil || len(r.Hash) != 16 {
		return fmt.Errorf("hash %q: want 16 hex digits", r.Hash)
	}
	return nil
}
