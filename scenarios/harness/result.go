package harness

import (
	"fmt"
	"slices"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// Result is what one run produced: a small summary, with the kernel's
// result kept for replay and drawing.
type Result struct {
	Identity   scenarios.Identity // with defaults filled in
	Options    Options
	Outcome    sim.Outcome
	Reason     string // the kernel's one-line reason when Outcome is not done
	Violations []scenarios.Violation
	Hash       uint64
	Steps      int64
	Elapsed    time.Duration
	Metrics    scenarios.Metrics
	Sim        *sim.Result
	// Store and Hoax are the run's final state, for tests and reports that
	// want to look past the summary.
	Store    *allocator.Store
	Hoax     *hoax.Hoax
	Scenario *scenarios.Scenario
	tasks    []*sim.Task
}

func newResult(p *scenarios.Prepared, opts Options, sr *sim.Result, f scenarios.Findings, tasks []*sim.Task) *Result {
	opts.Pool = nil
	r := &Result{
		Identity: p.Identity, Options: opts, Outcome: sr.Outcome, Violations: f.Violations, Hash: sr.Hash,
		Steps: sr.Steps, Elapsed: sr.Elapsed, Metrics: f.Metrics, Sim: sr, Store: f.Store, Hoax: f.Hoax,
		Scenario: p.Scenario, tasks: tasks,
	}
	if sr.Outcome != sim.Done {
		r.Reason = sr.Reason()
	}
	return r
}

// Failed reports whether the run broke any invariant or did not finish.
func (r *Result) Failed() bool { return len(r.Violations) > 0 || r.Outcome != sim.Done }

// Reproduced reports whether the run shows the scenario's race: a
// violation of one of its race invariants.
func (r *Result) Reproduced() bool { return r.FirstRaceViolation() != nil }

// IsRace reports whether invariant name is one of the scenario's races.
func (r *Result) IsRace(name string) bool { return r.Scenario.IsRace(name) }

// FirstRaceViolation is the first violation of a race invariant, or nil.
func (r *Result) FirstRaceViolation() *scenarios.Violation {
	i := slices.IndexFunc(r.Violations, func(v scenarios.Violation) bool { return r.IsRace(v.Invariant) })
	if i < 0 {
		return nil
	}
	return &r.Violations[i]
}

// FirstForbidden is the first violation of an invariant that is not merely
// measured, or nil.
func (r *Result) FirstForbidden() *scenarios.Violation {
	i := slices.IndexFunc(r.Violations, func(v scenarios.Violation) bool { return !scenarios.IsMeasured(v.Invariant) })
	if i < 0 {
		return nil
	}
	return &r.Violations[i]
}

// taskName names a task of the run by ID, for replay files.
func (r *Result) taskName(id int32) string {
	if id == sim.FireTimer {
		return ""
	}
	for _, t := range r.tasks {
		if t.ID() == id {
			return t.Name()
		}
	}
	return fmt.Sprintf("task%d", id)
}

// HashString formats the trace hash as drysim prints it.
func (r *Result) HashString() string { return fmt.Sprintf("%016x", r.Hash) }

// Repro is the command line that reruns exactly this run.
func (r *Result) Repro() string { return r.Identity.Command("run") }

// Record files the run as a sweep record.
func (r *Result) Record() sweep.Record {
	rec := sweep.NewRecord(r.Identity, r.Outcome)
	rec.Reason, rec.Race, rec.Hash, rec.Elapsed, rec.Metrics = r.Reason, r.Reproduced(), r.HashString(), r.Elapsed, r.Metrics
	for _, v := range r.Violations {
		jv := sweep.Violation{Invariant: v.Invariant, Objects: v.ObjectNames(), Step: v.Step, Time: v.Time, Detail: v.Detail}
		rec.Violations = append(rec.Violations, jv)
	}
	return rec
}
