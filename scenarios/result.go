package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
)

// Result is what one run produced: a small summary, with the kernel's
// result kept for replay and drawing.
type Result struct {
	Config     RunConfig
	Outcome    sim.Outcome
	Reason     string // the kernel's one-line reason when Outcome is not done
	Violations []Violation
	Hash       uint64
	Steps      int64
	Elapsed    time.Duration
	Metrics    Metrics
	Sim        *sim.Result
	// Store and Hoax are the run's final state, for tests and reports that
	// want to look past the summary.
	Store *allocator.Store
	Hoax  *hoax.Hoax
	race  []string
	tasks []*sim.Task
}

// Metrics are the numbers a sweep records per run.
type Metrics struct {
	LeasesRequested int `json:"leases_requested"`
	LeasesActivated int `json:"leases_activated"`
	LeasesBroken    int `json:"leases_broken"`
	ResourcesBuilt  int `json:"resources_built"`
	// ResourcesNeeded is the fewest resources that could have served the
	// peak of leases linked at once.
	ResourcesNeeded int           `json:"resources_needed"`
	LockWaits       int           `json:"lock_waits"`
	LockWaitP50     time.Duration `json:"lock_wait_p50_ns"`
	LockWaitP99     time.Duration `json:"lock_wait_p99_ns"`
	LockWaitMax     time.Duration `json:"lock_wait_max_ns"`
	LockTimeouts    int           `json:"lock_timeouts"`
	Yields          int           `json:"yields"`
	Steals          int           `json:"steals"`
	// ActivateAll is the virtual time from the first request to the last
	// activation.
	ActivateAll time.Duration `json:"activate_all_ns"`
	Steps       int64         `json:"steps"`
}

func newResult(cfg RunConfig, s *Scenario, sr *sim.Result, a *allocator.Allocator, chk *checker, d *driver) *Result {
	r := &Result{
		Config: cfg, Outcome: sr.Outcome, Violations: chk.violations, Hash: sr.Hash,
		Steps: sr.Steps, Elapsed: sr.Elapsed, Sim: sr, race: s.Race, Store: a.Store(), Hoax: d.h, tasks: d.w.Tasks(),
	}
	if sr.Outcome != sim.Done {
		r.Reason = sr.Reason()
	}
	r.Metrics = collectMetrics(a, chk, sr)
	return r
}

func collectMetrics(a *allocator.Allocator, chk *checker, sr *sim.Result) Metrics {
	m := Metrics{Steals: chk.steals, ResourcesBuilt: chk.built, Steps: sr.Steps}
	var first, last time.Time
	for l := range a.Store().AllLeases() {
		m.LeasesRequested++
		if first.IsZero() || l.Requested.Before(first) {
			first = l.Requested
		}
		if !l.Activated.IsZero() {
			m.LeasesActivated++
			last = maxTime(last, l.Activated)
		}
		if l.BreakCause != allocator.BreakNone {
			m.LeasesBroken++
		}
	}
	if !last.IsZero() {
		m.ActivateAll = last.Sub(first)
	}
	am := a.Metrics()
	m.LockWaits, m.LockTimeouts = len(am.LockWaits), am.LockTimeouts
	m.LockWaitP50 = allocator.Percentile(am.LockWaits, 50)
	m.LockWaitP99 = allocator.Percentile(am.LockWaits, 99)
	m.LockWaitMax = allocator.Percentile(am.LockWaits, 100)
	m.Yields = a.QueueStats().Yields
	m.ResourcesNeeded = resourcesNeeded(a)
	return m
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// resourcesNeeded replays the link history: the peak number of leases
// linked at once, divided by a resource's capacity.
func resourcesNeeded(a *allocator.Allocator) int {
	capacity := 1
	for bp := range a.Store().AllBlueprints() {
		if c, ok := bp.Impl.(interface{ Capacity() int }); ok {
			capacity = c.Capacity()
		}
	}
	linked, peak := 0, 0
	for _, e := range a.Store().AuditLog() {
		if e.Kind != allocator.AuditLeaseStatus {
			continue
		}
		was, is := allocator.LeaseStatus(e.From).Linked(), allocator.LeaseStatus(e.To).Linked()
		switch {
		case is && !was:
			linked++
		case was && !is:
			linked--
		}
		peak = max(peak, linked)
	}
	return (peak + capacity - 1) / capacity
}

// Failed reports whether the run broke any invariant or did not finish.
func (r *Result) Failed() bool { return len(r.Violations) > 0 || r.Outcome != sim.Done }

// Reproduced reports whether the run shows the scenario's race: a
// violation of one of its race invariants.
func (r *Result) Reproduced() bool { return r.FirstRaceViolation() != nil }

// IsRace reports whether invariant name is one of the scenario's races.
func (r *Result) IsRace(name string) bool { return slices.Contains(r.race, name) }

// FirstRaceViolation is the first violation of a race invariant, or nil.
func (r *Result) FirstRaceViolation() *Violation {
	for i, v := range r.Violations {
		if r.IsRace(v.Invariant) {
			return &r.Violations[i]
		}
	}
	return nil
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
func (r *Result) Repro() string { return ReproCommand(r.Config) }

// ReproCommand is the drysim command line for a run config.
func ReproCommand(c RunConfig) string {
	var b strings.Builder
	fmt.Fprintf(&b, "drysim run -scenario %s -strategy %s -seed %d -workers %d", c.Scenario, c.Strategy, c.Seed, c.Workers)
	if c.Sched != "" && c.Sched != "random" {
		fmt.Fprintf(&b, " -sched %s", c.Sched)
	}
	if c.Leases != 0 {
		fmt.Fprintf(&b, " -leases %d", c.Leases)
	}
	if c.Clients != 0 {
		fmt.Fprintf(&b, " -clients %d", c.Clients)
	}
	if c.Limit != 0 {
		fmt.Fprintf(&b, " -limit %d", c.Limit)
	}
	if c.Poll != 0 {
		fmt.Fprintf(&b, " -poll %v", c.Poll)
	}
	if c.NoScenarioFailpoints {
		b.WriteString(" -no-scenario-failpoints")
	}
	if c.StopOn != "" {
		fmt.Fprintf(&b, " -stop-on %s", c.StopOn)
	}
	for _, fp := range c.Failpoints {
		fmt.Fprintf(&b, " -failpoint '%s'", fp)
	}
	return b.String()
}
