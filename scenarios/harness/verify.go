package harness

import (
	"fmt"
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
	// Timers makes firing the earliest timer early a choice too (costing a
	// preemption), where the run allows it (sim.DefaultEarlyTimerWindow).
	Timers bool
	// MaxSchedules and MaxTime cap the search (0: none); Stop, if set,
	// ends it early (Ctrl-C), with the partial result.
	MaxSchedules int
	MaxTime      time.Duration
	Stop         func() bool
	Budget       time.Duration // Options.Budget of every run
}

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

// Verify explores every schedule of cfg.Run's seed within the preemption
// bound and stops at the first one that breaks a forbidden invariant or
// does not finish (Result.Failed). Each run stops at its first violation.
// The violating schedule comes back as a replay file, checked by replaying
// it once. Errors are about the run's identity (they wrap
// scenarios.ErrConfig) or a run that is not deterministic.
func Verify(cfg VerifyConfig) (*VerifyResult, error) {
	if err := cfg.Run.Validate(); err != nil {
		return nil, err
	}
	id := explicitSizes(cfg.Run.Normalized())
	pool := sim.NewPool()
	defer pool.Close()
	var last *Result
	run := func(g sim.Guide) (bool, error) {
		r, err := Run(id, Options{Scheduler: g, StopOn: scenarios.StopOnAny, Budget: cfg.Budget, Pool: pool})
		if err != nil {
			return false, err
		}
		last = r
		return r.Failed(), nil
	}
	vcfg := verify.Config{
		Preemptions: cfg.Preemptions, Reduction: cfg.Reduction, Timers: cfg.Timers, ReadOnly: func(l string) bool { return readOnlyLabels[l] },
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
	if v := last.FirstForbidden(); v != nil {
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
