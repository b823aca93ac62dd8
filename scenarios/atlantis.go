package scenarios

import (
	"fmt"
	"time"

	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/atlantis"
)

// Atlantis invariant names (no-deadlock is shared with the layer store).
const (
	InvDirExclusive    = "dir-exclusive"
	InvLockSingleOwner = "lock-single-owner"
	InvApplyFreshPlan  = "apply-fresh-plan"
	InvClearRejection  = "clear-rejection"
	InvCommandsFinish  = "commands-finish"
)

// atlantisSystem is Atlantis's locks (systems/atlantis).
func atlantisSystem() *System {
	sys := &System{
		Name:       "atlantis",
		Doc:        "Atlantis's locks: working-dir locks per pull and workspace, project locks in a lock store, plans applied to state",
		Source:     "runatlantis/atlantis#3345, ADR 0002 \"Project Locks\" and its review (seed 000)",
		Reference:  "fail-fast",
		Dimensions: Dimensions{Leases: "project commands (plans and applies) in all", Clients: "pull requests", Limit: "projects in the repository", Poll: "how often poll-retry tries a lock again"},
		Invariants: []InvariantInfo{
			{Name: InvDirExclusive, Doc: "never two commands at work (clone, plan, apply) in one working directory at once"},
			{Name: InvLockSingleOwner, Doc: "at most one pull owns a project's lock at any instant"},
			{Name: InvApplyFreshPlan, Doc: "an apply applies a plan its own pull made against the project's current state, on a checkout that has every change merged to the project since (no stale plan after someone else's apply)"},
			{Name: InvClearRejection, Doc: "a command that loses a lock is rejected with the lock it lost and why; none fails on a corrupt working directory"},
			{Name: InvNoDeadlock, Doc: noDeadlockDoc},
			{Name: InvCommandsFinish, Phase: PhaseLiveness, Doc: "every pull request is done (merged or unlocked) within the liveness budget"},
		},
		parse:     parseAtlantisStrategy,
		scenarios: atlantisScenarios,
		prepare:   prepareAtlantis,
		start:     startAtlantis,
	}
	describeModel(sys, atlantis.Strategies(), func(s atlantis.StrategyInfo) StrategyInfo {
		return StrategyInfo{Name: s.Name, Doc: s.Doc, Role: modelRole(s.Reference), Hypothetical: s.Hypothetical}
	}, atlantis.Fixes(), atlantis.Failpoints())
	return sys
}

// atlantisScenarios lists Atlantis's scenarios.
func atlantisScenarios() []*Scenario {
	return []*Scenario{atlantisDirCollision(), atlantisStalePlan(), atlantisLockStore(), atlantisLockOrder()}
}

// parseAtlantisStrategy: a strategy closes a fix by applying it, or
// because its policy never blocks holding a lock (the lock order).
func parseAtlantisStrategy(name string) (Strategy, error) {
	st, err := atlantis.ParseStrategy(name)
	if err != nil {
		return Strategy{}, err
	}
	return Strategy{Name: st.Name, closes: func(fix string) bool {
		f, err := atlantis.ParseFix(fix)
		return err == nil && st.Closes(f)
	}}, nil
}

// AtlantisWorkload is what an Atlantis scenario's pull requests do: each
// opens, plans its projects (one "atlantis plan" or a "plan -p" per
// project, sometimes twice at once), and once every project has a plan,
// applies them and merges; a rejected round is commented again later.
// Project commands run on the server's pool of Workers.
type AtlantisWorkload struct {
	Projects        int // projects in the repository
	Commands        int // project commands in all; a pull stops when they run out
	Pulls           int
	ProjectsPerPull int // most projects a pull changes (1 to this many)
	// PlanAll is the share of plan rounds that comment "atlantis plan"
	// (the builder, then every project); the others comment "plan -p" for
	// each project at once.
	PlanAll float64
	// Echo is the share of plan rounds with a second comment at the same
	// time (autoplan and a user, a user twice).
	Echo float64
	// Push is the share of rounds that start with a new commit.
	Push               float64
	Clone, Plan, Apply hoax.Latency
	Review, Retry      hoax.Latency // a human: before applying; after a rejection
	Arrival            time.Duration
	LockTimeout, Poll  time.Duration
	// MaxRounds bounds a pull's plan-apply rounds; then it unlocks.
	MaxRounds int
	Liveness  time.Duration
}

// atlantisPrepared is an Atlantis scenario resolved against an identity.
type atlantisPrepared struct {
	wl       AtlantisWorkload
	strategy atlantis.Strategy
}

// prepareAtlantis applies the overrides: leases are project commands,
// clients pull requests, limit projects, poll poll-retry's interval.
func prepareAtlantis(p *Prepared) error {
	wl, ok := p.Scenario.Config.(AtlantisWorkload)
	if !ok {
		return fmt.Errorf("scenario %s has no Atlantis workload", p.Scenario.Name)
	}
	id := p.Identity
	st, _ := atlantis.ParseStrategy(id.Strategy) // Validate read it
	wl.Commands, wl.Pulls, wl.Projects = cmpOr(id.Leases, wl.Commands), cmpOr(id.Clients, wl.Pulls), cmpOr(id.Limit, wl.Projects)
	if id.Poll > 0 {
		wl.Poll = id.Poll
	}
	wl.ProjectsPerPull = max(min(wl.ProjectsPerPull, wl.Projects), 1)
	p.model = &atlantisPrepared{wl: wl, strategy: st}
	p.Dims = Dims{Leases: wl.Commands, Clients: wl.Pulls, Limit: wl.Projects, Poll: wl.Poll}
	p.liveness, p.ownLeases = wl.Liveness, p.Scenario.Config.(AtlantisWorkload).Commands
	p.horizon = int64(wl.Commands) * 60
	return nil
}

// startAtlantis builds the server, the pool and the pull requests inside w.
func startAtlantis(p *Prepared, w *sim.World, stopOn string) (*Experiment, error) {
	if err := checkStopOn(stopOn); err != nil {
		return nil, err
	}
	ap := p.model.(*atlantisPrepared)
	rt, err := systemRuntime(w, p.failpoints)
	if err != nil {
		return nil, err
	}
	wl := ap.wl
	wl.Liveness = p.Liveness()
	run := newAtlantisRun(w, wl, stopOn)
	run.srv, err = atlantis.New(rt, atlantis.Config{Strategy: ap.strategy, Projects: ap.wl.Projects, LockTimeout: ap.wl.LockTimeout,
		Poll: ap.wl.Poll, Took: run.took, Observe: run.chk.observe})
	if err != nil {
		return nil, fmt.Errorf("%w: scenario %s: %w", ErrConfig, p.Scenario.Name, err)
	}
	if err := run.start(p.Identity.Workers); err != nil {
		return nil, err
	}
	return &Experiment{finish: run.finish}, nil
}
