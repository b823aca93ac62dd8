package sim

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Outcome is how a run ended.
type Outcome uint8

const (
	// Done: every task returned.
	Done Outcome = iota
	// Deadlock: tasks wait for each other (a waits-for cycle), or every
	// task is blocked with no timer pending.
	Deadlock
	// StepBudget: Config.MaxSteps events ran; a liveness finding.
	StepBudget
	// TimeBudget: virtual time passed Config.MaxTime; a liveness finding.
	TimeBudget
	// Panic: a task panicked; Result.Panic has its value and stack.
	Panic
	// Diverged: a strict Replay met a decision that does not fit the run.
	Diverged
	// Stopped: World.Stop ended the run (an observer saw what it wanted).
	Stopped
)

var outcomeNames = [...]string{"done", "deadlock", "step-budget", "time-budget", "panic", "diverged", "stopped"}

func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// Result is what a run produced. Details beyond the outcome (trace,
// decisions) are kept so a caller can replay, shrink or draw the run.
type Result struct {
	Outcome   Outcome
	Seed      uint64
	Scheduler string
	Steps     int64         // events recorded
	Elapsed   time.Duration // virtual time at the end
	Hash      uint64        // trace hash: equal runs have equal hashes
	Decisions []Decision    // every choice the scheduler made, if Config.Decisions
	Misfits   int           // decisions a lenient Replay could not follow
	Deadlock  *DeadlockReport
	Panic     *PanicReport
	// Unfinished lists, in ID order, every task the end of the run cut
	// off: runnable, or blocked on what and for how long. After a budget it
	// is the livelock or leak finding; Reason names the first few.
	Unfinished []TaskReport
	Trace      *Trace // nil unless Config.Trace
	reason     string
}

// Reason is a one-line explanation of the outcome.
func (r *Result) Reason() string {
	switch {
	case r.Deadlock != nil:
		return "deadlock: " + r.Deadlock.String()
	case r.Panic != nil:
		return r.Panic.String()
	case r.reason != "":
		return r.reason
	}
	return r.Outcome.String()
}

// ErrRun is wrapped by every error Result.Err returns.
var ErrRun = errors.New("sim: run did not finish cleanly")

// Err is nil when every task finished, and otherwise an error wrapping ErrRun
// that says how the run ended.
func (r *Result) Err() error {
	if r.Outcome == Done {
		return nil
	}
	return fmt.Errorf("%w: %s at step %d (virtual %v, seed %d, %s): %s",
		ErrRun, r.Outcome, r.Steps, r.Elapsed, r.Seed, r.Scheduler, r.Reason())
}

// HashString formats the trace hash the way drysim prints it.
func (r *Result) HashString() string { return fmt.Sprintf("%016x", r.Hash) }

func (w *World) makeResult() *Result {
	r := &Result{
		Outcome:   w.end.outcome,
		Seed:      w.cfg.Seed,
		Scheduler: w.cfg.Scheduler.String(),
		Steps:     w.step,
		Elapsed:   w.now,
		Hash:      w.hash,
		Decisions: w.decisions,
		Misfits:   w.misfits,
		Deadlock:  w.end.deadlock,
		Panic:     w.end.panic,
		reason:    w.end.reason,
	}
	r.Unfinished = w.unfinished()
	if r.Outcome == StepBudget || r.Outcome == TimeBudget {
		r.reason += unfinishedSummary(r.Unfinished)
	}
	if w.cfg.Trace {
		r.Trace = w.snapshotTrace()
	}
	return r
}

// MarshalText writes the outcome's name.
func (o Outcome) MarshalText() ([]byte, error) {
	if int(o) >= len(outcomeNames) {
		return nil, fmt.Errorf("sim: Outcome(%d) has no name", uint8(o))
	}
	return []byte(outcomeNames[o]), nil
}

// UnmarshalText reads an outcome's name.
func (o *Outcome) UnmarshalText(b []byte) error {
	for i, name := range outcomeNames {
		if name == string(b) {
			*o = Outcome(i)
			return nil
		}
	}
	return fmt.Errorf("sim: unknown outcome %q; valid: %s", b, strings.Join(outcomeNames[:], ", "))
}
