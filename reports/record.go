package reports

import (
	"cmp"
	"fmt"
	"time"

	"github.com/drysim/drysim/scenarios"
)

// Record is one run of a sweep, one JSON line in a results file. Every
// field follows from the run's config, so a record is the same however,
// wherever and in which shard it was produced.
type Record struct {
	Scenario   string            `json:"scenario"`
	Strategy   string            `json:"strategy"`
	Workers    int               `json:"workers"`
	Sched      string            `json:"sched"`
	Seed       uint64            `json:"seed"`
	Outcome    string            `json:"outcome"`
	Reason     string            `json:"reason,omitempty"`
	Violations []Violation       `json:"violations,omitempty"`
	Race       bool              `json:"race"` // a violation of one of the scenario's race invariants
	Hash       string            `json:"hash"`
	Elapsed    time.Duration     `json:"elapsed_ns"` // virtual
	Metrics    scenarios.Metrics `json:"metrics"`
}

// Violation is a scenarios.Violation in JSON.
type Violation struct {
	Invariant string        `json:"invariant"`
	Objects   []string      `json:"objects,omitempty"`
	Step      int64         `json:"step"`
	Time      time.Duration `json:"time_ns"`
	Detail    string        `json:"detail"`
}

// Key identifies a run: two records with the same key are the same run.
type Key struct {
	Scenario, Strategy string
	Workers            int
	Sched              string
	Seed               uint64
}

func (k Key) String() string {
	return fmt.Sprintf("%s/%s/w%d/%s/seed%d", k.Scenario, k.Strategy, k.Workers, k.Sched, k.Seed)
}

// Key returns the record's key.
func (r Record) Key() Key { return Key{r.Scenario, r.Strategy, r.Workers, r.Sched, r.Seed} }

// RunConfig is the scenario run a key stands for.
func (k Key) RunConfig() scenarios.RunConfig {
	return scenarios.RunConfig{Scenario: k.Scenario, Strategy: k.Strategy, Workers: k.Workers, Sched: k.Sched, Seed: k.Seed}
}

// Repro is the drysim command that reruns the record.
func (r Record) Repro() string { return scenarios.ReproCommand(r.Key().RunConfig()) }

// Failed reports whether the run broke an invariant that is not merely
// measured, or did not finish.
func (r Record) Failed() bool {
	if r.Outcome != "done" {
		return true
	}
	for _, v := range r.Violations {
		if v.Invariant != scenarios.InvReclaimStall {
			return true
		}
	}
	return false
}

// NewRecord turns a scenario result into a record.
func NewRecord(k Key, res *scenarios.Result) Record {
	r := Record{
		Scenario: k.Scenario, Strategy: k.Strategy, Workers: k.Workers, Sched: k.Sched, Seed: k.Seed,
		Outcome: res.Outcome.String(), Reason: res.Reason, Race: res.Reproduced(),
		Hash: res.HashString(), Elapsed: res.Elapsed, Metrics: res.Metrics,
	}
	for _, v := range res.Violations {
		jv := Violation{Invariant: v.Invariant, Step: v.Step, Time: v.Time, Detail: v.Detail}
		for _, o := range v.Objects {
			jv.Objects = append(jv.Objects, o.String())
		}
		r.Violations = append(r.Violations, jv)
	}
	return r
}

// compareKeys orders keys the way reports list them.
func compareKeys(a, b Key) int {
	return cmp.Or(
		cmp.Compare(a.Scenario, b.Scenario), cmp.Compare(a.Strategy, b.Strategy),
		cmp.Compare(a.Workers, b.Workers), cmp.Compare(a.Sched, b.Sched), cmp.Compare(a.Seed, b.Seed),
	)
}
