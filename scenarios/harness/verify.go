package harness

import (
	"fmt"
	"slices"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/verify"
)

// VerifyConfig says which run to verify and how far: every schedule of the
// run's seed with at most Preemptions preemptions (sim/verify).
type VerifyConfig struct {
	Run         scenarios.Identity
	Preemptions int // negative: no bound
	Reduction   bool
	// Delays counts delays instead of preemptions (verify.Config.Delays).
	Delays bool
	// Timers makes firing the earliest timer early a choice too (costing a
	// preemption), where the run allows it (sim.DefaultEarlyTimerWindow).
	Timers bool
	// MaxSchedules and MaxTime cap the search (0: none); Stop, if set,
	// ends it early (Ctrl-C), with the partial result.
	MaxSchedules int
	MaxTime      time.Duration
	Stop         func() bool
	Budget       time.Duration // Options.Budget of every run
	// Invariant is what a schedule must break to count as a violation:
	// "" any forbidden invariant, or a run that does not finish
	// (Result.Failed; each run stops at its first violation); VerifyRace
	// one of the scenario's race invariants (runs go to their end); or an
	// invariant's name (each run stops at it).
	Invariant string
}

// VerifyRace as VerifyConfig.Invariant looks for the scenario's races only.
const VerifyRace = "race"

// VerifyResult is what a search found.
type VerifyResult struct {
	verify.Result
	Identity  scenarios.Identity // normalized
	Violation string             // the first violation's text, or the run's end ("" if none)
	// File replays the violating schedule strictly (its hash checked);
	// Failure is that run.
	File    *ReplayFile
	Failure *Result
}

// readOnlyLabels are the labelled steps that only read what other steps
// write (a store read, a lock store's GET, reading layers.json): two of
// them commute. Every other labelled step may write.
var readOnlyLabels = map[string]bool{
	"store.lease": true, "store.resource": true, "store.blueprints": true, "store.resources": true,
	"store.leases": true, "store.commands": true, "store.count": true, "store.linked": true,
	"store.slotlocks": true, "lockstore.get": true, "layers.json.read": true,
}

// verifyTarget is where each run stops and when it counts as a violation.
func verifyTarget(inv string) (stopOn string, broke func(*Result) bool) {
	switch inv {
	case "":
		return scenarios.StopOnAny, (*Result).Failed
	case VerifyRace:
		return "", (*Result).Reproduced
	}
	return inv, func(r *Result) bool {
		return slices.ContainsFunc(r.Violations, func(v scenarios.Violation) bool { return v.Invariant == inv })
	}
}

// violates: v is the kind of violation inv looks for.
func violates(inv string, r *Result, v scenarios.Violation) bool {
	switch inv {
	case "":
		return !scenarios.IsMeasured(v.Invariant)
	case VerifyRace:
		return r.IsRace(v.Invariant)
	}
	return v.Invariant == inv
}

// Verify explores every schedule of cfg.Run's seed within the preemption
// bound and stops at the first one that breaks what cfg.Invariant names
// (by default: any forbidden invariant, or a run that does not finish).
// The violating schedule comes back as a replay file, checked by replaying
// it once. Errors are about the run's identity or invariant (they wrap
// scenarios.ErrConfig) or a run that is not deterministic.
func Verify(cfg VerifyConfig) (*VerifyResult, error) {
	if err := cfg.Run.Validate(); err != nil {
		return nil, err
	}
	id := explicitSizes(cfg.Run.Normalized())
	pool := sim.NewPool()
	defer pool.Close()
	stopOn, broke := verifyTarget(cfg.Invariant)
	if cfg.Invariant != "" && cfg.Invariant != VerifyRace {
		if _, err := scenarios.InvariantByName(cfg.Invariant); err != nil {
			return nil, fmt.Errorf("%w: %w, or %s (any of the scenario's race invariants)", scenarios.ErrConfig, err, VerifyRace)
		}
	}
	var last *Result
	run := func(g sim.Guide) (bool, error) {
		r, err := Run(id, Options{Scheduler: g, StopOn: stopOn, Budget: cfg.Budget, Pool: pool})
		if err != nil {
			return false, err
		}
		last = r
		return broke(r), nil
	}
	vcfg := verify.Config{
		Preemptions: cfg.Preemptions, Delays: cfg.Delays, Reduction: cfg.Reduction, Timers: cfg.Timers, ReadOnly: func(l string) bool { return readOnlyLabels[l] },
		MaxSchedules: cfg.MaxSchedules, MaxTime: cfg.MaxTime, Stop: cfg.Stop,
	}
	res, err := verify.Explore(vcfg, run)
	if err != nil {
		return nil, err
	}
	out := &VerifyResult{Result: *res, Identity: id}
	if !res.Failed {
		return out, nil
	}
	out.Failure = last
	if i := slices.IndexFunc(last.Violations, func(v scenarios.Violation) bool { return violates(cfg.Invariant, last, v) }); i >= 0 {
		out.Violation = last.Violations[i].String()
	} else if v := last.FirstForbidden(); v != nil {
		out.Violation = v.String()
	} else {
		out.Violation = fmt.Sprintf("%s: %s", last.Outcome, last.Reason)
	}
	file, err := NewReplayFile(last)
	if err != nil {
		return nil, err
	}
	file.Decisions, file.Names = trimFallback(file.Decisions, file.Names)
	if _, err := file.Run(); err != nil {
		return nil, fmt.Errorf("the violating schedule does not replay: %w", err)
	}
	out.File = file
	return out, nil
}
