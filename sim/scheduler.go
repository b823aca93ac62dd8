package sim

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// FireTimer is the Decision.Task value that means "fire the earliest timer
// now" instead of running a task.
const FireTimer int32 = -1

// DefaultDecision in a Replay list means "whatever the fixed rule picks
// here": it always fits, so a shrinker can blank out decisions without
// shifting the ones after them.
const DefaultDecision int32 = -2

// Decision is one choice the scheduler made where it had one: which task ran
// next, or FireTimer. Replaying a run's decisions in order reproduces it.
type Decision struct {
	Step int64 // events recorded before the choice; informational
	Task int32 // the chosen task's ID, or FireTimer
	// Fallback: under Replay, the choice equals what the fixed rule picks
	// (however it was made). Only the other decisions are forced switches;
	// a replay list may drop trailing fallback decisions.
	Fallback bool
}

// Scheduler chooses the next task at each scheduling point. The set is
// closed: the ones a user can name (Schedulers lists them), plus Replay and
// Chooser, which code builds. Each lives in its own file.
type Scheduler interface {
	String() string
	newPicker(rng *rand.Rand) picker
}

// HorizonScheduler is a Scheduler whose choices are spread over a horizon
// of steps that should match the length of a run (PCT draws its change
// points from it). simtest.Find learns the horizon from finished runs when
// the user left it at 0.
type HorizonScheduler interface {
	Scheduler
	// HorizonSteps returns the horizon, 0 if unset (a default applies).
	HorizonSteps() int64
	// WithHorizon returns the same scheduler with the horizon set to steps.
	WithHorizon(steps int64) Scheduler
}

// picker is a Scheduler's state during one run.
type picker interface {
	// pick chooses a task of w.runnable (len >= 1), or nil to fire the
	// earliest timer (only if fireable). fallback marks a choice that
	// equals Replay's fixed rule (Decision.Fallback).
	pick(w *World, fireable bool) (next *Task, fallback bool, err error)
	spawned(t *Task)
}

func fireEarly(w *World, rng *rand.Rand, fireable bool) bool {
	return fireable && w.cfg.EarlyTimers > 0 && rng.Float64() < w.cfg.EarlyTimers
}

// SchedulerInfo documents a scheduler a user can name on a command line or
// in a file.
type SchedulerInfo struct {
	Name   string // the name, the part before any ':' arguments
	Syntax string // every spelling ParseScheduler reads, e.g. "pct, pct:<depth>"
	Doc    string
	// parse reads the arguments after "name:" (has is false for the bare
	// name).
	parse func(args string, has bool) (Scheduler, error)
}

// Schedulers lists the schedulers a user can name, in the order help texts
// show them. A new scheduler is a new file and one line here.
func Schedulers() []SchedulerInfo {
	return []SchedulerInfo{randomInfo, pctInfo, swarmInfo}
}

// SchedulerNames lists the bare names of the nameable schedulers.
func SchedulerNames() []string {
	var out []string
	for _, s := range Schedulers() {
		out = append(out, s.Name)
	}
	return out
}

// SchedulerSyntax lists every spelling ParseScheduler reads, for help texts.
func SchedulerSyntax() string {
	var out []string
	for _, s := range Schedulers() {
		out = append(out, s.Syntax)
	}
	return strings.Join(out, ", ")
}

// ParseScheduler reads a scheduler's name as the CLI, replay files and test
// helpers spell it (SchedulerInfo.Syntax); its String reads back the same.
func ParseScheduler(s string) (Scheduler, error) {
	name, args, has := strings.Cut(s, ":")
	for _, info := range Schedulers() {
		if info.Name == name {
			return info.parse(args, has)
		}
	}
	return nil, fmt.Errorf("sim: unknown scheduler %q; valid: %s", s, SchedulerSyntax())
}

// SchedulerSpec carries a nameable Scheduler as text, so a flag
// (flag.TextVar), a file header or a JSON field can hold one. The zero
// value is Random.
type SchedulerSpec struct{ Scheduler }

// Get returns the scheduler, Random if none was set.
func (s SchedulerSpec) Get() Scheduler {
	if s.Scheduler == nil {
		return Random{}
	}
	return s.Scheduler
}

func (s SchedulerSpec) String() string { return s.Get().String() }

// MarshalText writes the scheduler's name.
func (s SchedulerSpec) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a name ParseScheduler accepts.
func (s *SchedulerSpec) UnmarshalText(b []byte) error {
	sc, err := ParseScheduler(string(b))
	if err != nil {
		return err
	}
	s.Scheduler = sc
	return nil
}
