package harness

import (
	"fmt"
	"slices"
	"strings"
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
	// Budget is the liveness budget the run had (Options.Budget, or
	// DefaultBudget); Safety is how long faults stayed on before it.
	Budget, Safety time.Duration
	// Warnings are things about the run that make it less than it looks:
	// a failpoint that cannot fire (FailpointWarnings), or that never did.
	Warnings []string
	// FailpointHits counts how often each enabled failpoint fired, when
	// the run knows (see failpointHits); nil otherwise.
	FailpointHits map[string]int
	Sim           *sim.Result
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
		Scenario: p.Scenario, tasks: tasks, Budget: p.Liveness(), Safety: p.Safety(),
		Warnings: FailpointWarnings(p), FailpointHits: f.FailpointHits,
	}
	r.Warnings = append(r.Warnings, unfired(p.Failpoints(), r.FailpointHits, r.Warnings)...)
	if sr.Outcome != sim.Done {
		r.Reason = sr.Reason()
	}
	return r
}

// unfired warns about each failpoint that never fired in a run whose hits
// are known, unless a warning already names it.
func unfired(fps []scenarios.Failpoint, hits map[string]int, warned []string) []string {
	var out []string
	for _, fp := range fps {
		n, known := hits[fp.Name]
		named := slices.ContainsFunc(warned, func(w string) bool { return strings.Contains(w, fp.Name+" ") })
		if known && n == 0 && !named && !slices.ContainsFunc(out, func(w string) bool { return strings.Contains(w, fp.Name+" ") }) {
			out = append(out, fmt.Sprintf("failpoint %s never fired: this run never reached it, or its terms never gave a value", fp.Name))
		}
	}
	return out
}

// Failed reports whether the run did not finish or broke an invariant
// that is forbidden: a measured one (the reclaim stall) is counted, as a
// sweep record and check count it, not failed.
func (r *Result) Failed() bool {
	return r.Outcome != sim.Done || slices.ContainsFunc(r.Violations, func(v scenarios.Violation) bool { return !scenarios.IsMeasured(v.Invariant) })
}

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

// Repro is the command line that reruns exactly this run: its identity,
// and its budget when one was given.
func (r *Result) Repro() string {
	cmd := r.Identity.Command("run")
	if r.Options.Budget != 0 {
		cmd += " -budget " + r.Options.Budget.String()
	}
	return cmd
}

// BudgetExhausted reports whether the run ended for want of virtual time
// rather than for a stall: the world's time limit ran out, or the
// liveness deadline passed while leases were still becoming active in the
// last tenth of the budget. A stalled run activates nothing towards the
// end; one that is merely slow keeps going, and a longer budget
// (Options.Budget) would let it finish.
func (r *Result) BudgetExhausted() bool {
	if r.Outcome == sim.TimeBudget {
		return true
	}
	v := r.liveness()
	if v == nil || r.Store == nil {
		return false
	}
	epoch := sim.New(sim.Config{}).Now() // virtual time 0, the same in every world
	var last time.Duration
	for l := range r.Store.AllLeases() {
		if !l.Activated.IsZero() {
			last = max(last, l.Activated.Sub(epoch))
		}
	}
	return last >= v.Time-r.Budget/10
}

// liveness is the run's liveness violation, or nil.
func (r *Result) liveness() *scenarios.Violation {
	i := slices.IndexFunc(r.Violations, func(v scenarios.Violation) bool { return v.Invariant == scenarios.InvLiveness })
	if i < 0 {
		return nil
	}
	return &r.Violations[i]
}

// Record files the run as a sweep record.
func (r *Result) Record() sweep.Record {
	rec := sweep.NewRecord(r.Identity, r.Outcome)
	rec.Reason, rec.Race, rec.Hash, rec.Elapsed, rec.Metrics = r.Reason, r.Reproduced(), r.HashString(), r.Elapsed, r.Metrics
	rec.Build = Build()
	for _, v := range r.Violations {
		jv := sweep.Violation{Invariant: v.Invariant, Objects: v.ObjectNames(), Step: v.Step, Time: v.Time, Detail: v.Detail}
		rec.Violations = append(rec.Violations, jv)
	}
	return rec
}
