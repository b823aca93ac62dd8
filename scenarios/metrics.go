package scenarios

import (
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/sim"
)

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
	// SlotConflicts counts first saves that lost a slot-lock collision
	// (the loser is never saved).
	SlotConflicts int `json:"slot_conflicts,omitempty"`
	Yields        int `json:"yields"`
	Steals        int `json:"steals"`
	// ActivateAll is the virtual time from the first request to the last
	// activation.
	ActivateAll time.Duration `json:"activate_all_ns"`
	// LimitOvershoots counts the moments when more resources than the
	// limit were not destroyed (a released resource frees its limit slot
	// before it saves itself destroyed); LimitOvershootTime is their total
	// virtual duration and LimitOvershootMax the longest.
	LimitOvershoots    int           `json:"limit_overshoots,omitempty"`
	LimitOvershootTime time.Duration `json:"limit_overshoot_ns,omitempty"`
	LimitOvershootMax  time.Duration `json:"limit_overshoot_max_ns,omitempty"`
	// LimitOvershootSteps is how many trace steps they lasted, in all.
	LimitOvershootSteps int64 `json:"limit_overshoot_steps,omitempty"`
	Steps               int64 `json:"steps"`

	// The other systems' numbers (Drydock's runs leave them out). Their
	// lock waits are LockWaits and LockWaitP50/P99/Max above, their
	// timeouts LockTimeouts.
	//
	// Operations are the commands (Atlantis: project plans and applies) or
	// operations (layer store) run; Rejected of them lost a lock and were
	// rejected, Failed met a corrupt working directory; Retries are the
	// polls after a first try.
	Operations int `json:"operations,omitempty"`
	Rejected   int `json:"rejected,omitempty"`
	Failed     int `json:"failed,omitempty"`
	Retries    int `json:"retries,omitempty"`
	// WriterWaitP99 and WriterWaitMax are the waits for the layer store's
	// write lock; ReaderShare is the share of operations drawn to read.
	WriterWaitP99 time.Duration `json:"writer_wait_p99_ns,omitempty"`
	WriterWaitMax time.Duration `json:"writer_wait_max_ns,omitempty"`
	ReaderShare   float64       `json:"reader_share,omitempty"`
	// StaleReads are reads that saw an older write than the last one.
	StaleReads int `json:"stale_reads,omitempty"`
}

// RejectedShare is the share of operations rejected (0 with none).
func (m Metrics) RejectedShare() float64 {
	if m.Operations == 0 {
		return 0
	}
	return float64(m.Rejected) / float64(m.Operations)
}

func collectMetrics(a *allocator.Allocator, chk *checker, sr *sim.Result) Metrics {
	m := Metrics{Steals: chk.steals, ResourcesBuilt: chk.built, Steps: sr.Steps}
	o := chk.facts.overshoot
	if o.since >= 0 {
		o.close(sr.Elapsed, sr.Steps)
	}
	m.LimitOvershoots, m.LimitOvershootTime, m.LimitOvershootMax, m.LimitOvershootSteps = o.count, o.total, o.worst, o.steps
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
	m.LockWaits, m.LockTimeouts, m.SlotConflicts = len(am.LockWaits), am.LockTimeouts, am.AllocationConflicts
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
