package scenarios

import (
	"slices"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/catalog"
)

// System is one reference system whose races the scenarios replay: its
// strategies and fixes, its failpoints and invariants, what a run's
// overrides mean in it, and how one of its scenarios starts inside a world.
// Drydock (package allocator) is the first; Systems lists them all. A new
// system is its model package, its scenario files here, and one line in
// Systems.
type System struct {
	Name   string
	Doc    string // one line: what is modelled
	Source string // the document the model follows
	// Strategies are the named strategies, in the order help texts,
	// checks, sweeps and reports show them.
	Strategies []StrategyInfo
	// Reference is the strategy that has every fix; Ablation(f) drops one.
	Reference string
	Fixes     []FixInfo
	// Failpoints are the failpoints a run of the system accepts.
	Failpoints []FailpointInfo
	// Invariants are the properties its checker watches, in check order.
	Invariants []InvariantInfo
	// Dimensions say what a run's overrides mean here (the shrinker
	// lowers them one at a time).
	Dimensions Dimensions

	// parse reads any strategy name the system accepts (named, alias,
	// ablation) and says which fixes' races it closes.
	parse func(name string) (Strategy, error)
	// scenarios lists the system's scenarios, in list order.
	scenarios func() []*Scenario
	// prepare resolves an identity against one of the system's scenarios:
	// it fills p.Dims, p.safety, p.liveness, p.ownLeases and p.horizon and whatever the system's
	// start needs.
	prepare func(p *Prepared) error
	// start builds the scenario inside w and starts its tasks.
	start func(p *Prepared, w *sim.World, stopOn string) (*Experiment, error)
}

// StrategyInfo documents a named strategy of a system.
type StrategyInfo struct {
	Name string
	Doc  string
	Role Role
	// Aliases also name the strategy on a command line.
	Aliases []string
	// Hypothetical: no released version of the system ran this code.
	Hypothetical bool
}

// Role says what a named strategy stands for in a comparison (the
// allocator's roles, shared by every system).
type Role = allocator.Role

// FixInfo documents one fix of a system: its name on the command line,
// what it does, who introduced it and what the code did before.
type FixInfo struct {
	Name string
	Doc  string
	// Credit is the change that introduced the fix, or "hypothetical".
	Credit string
	// PreFix is what the code did before: what the ablation restores.
	PreFix       string
	Hypothetical bool
}

// FailpointInfo documents one failpoint: the race window it sits in.
type FailpointInfo struct {
	Name string
	Race string // the scenario or invariant whose window it widens
	Doc  string
}

// InvariantInfo documents one invariant of a system.
type InvariantInfo struct {
	Name  string
	Doc   string
	Phase Phase
	// Measured: counted, not forbidden.
	Measured bool
}

// Dimensions name what the identity's overrides stand for in a system:
// Drydock's leases, requesters and blueprint limit, another system's
// operations, clients and whatever its scenarios bound. Poll is what the
// shrinker raises (a wait that tells no story).
type Dimensions struct {
	Leases, Clients, Limit, Poll string
}

// Strategy is a parsed strategy: its name as given and the fixes whose
// races it closes (by applying them, or because its design does their
// job, as Drydock's one global lock does).
type Strategy struct {
	Name   string
	closes func(fix string) bool
}

// Closes reports whether the strategy closes the race the named fix closes.
func (s Strategy) Closes(fix string) bool { return s.closes != nil && s.closes(fix) }

// AblationSep joins a strategy and the fixes it goes without:
// <strategy>-without=<fix>[,<fix>...].
const AblationSep = "-without="

// Systems lists every system, Drydock first. A function, not a variable:
// nothing package-level mutates.
func Systems() []*System {
	return []*System{drydock(), atlantisSystem(), layerStoreSystem()}
}

// ParseStrategy reads a strategy name of the system; the error names the
// valid ones.
func (sys *System) ParseStrategy(name string) (Strategy, error) { return sys.parse(name) }

// StrategyNames lists the named strategies (not their aliases).
func (sys *System) StrategyNames() []string {
	out := make([]string, len(sys.Strategies))
	for i, s := range sys.Strategies {
		out[i] = s.Name
	}
	return out
}

// NamedStrategies lists the named strategies, then the reference
// strategy without each fix: every strategy a sweep of the system runs by
// default, in the order reports give them colours.
func (sys *System) NamedStrategies() []string {
	names := sys.StrategyNames()
	for _, f := range sys.Fixes {
		names = append(names, sys.Ablation(f.Name))
	}
	return names
}

// FixNames lists the fixes' names.
func (sys *System) FixNames() []string {
	out := make([]string, len(sys.Fixes))
	for i, f := range sys.Fixes {
		out[i] = f.Name
	}
	return out
}

// Ablation is the name of the reference strategy without fix.
func (sys *System) Ablation(fix string) string { return sys.Reference + AblationSep + fix }

// FailpointNames lists the system's failpoints, sorted.
func (sys *System) FailpointNames() []string {
	out := make([]string, len(sys.Failpoints))
	for i, f := range sys.Failpoints {
		out[i] = f.Name
	}
	slices.Sort(out)
	return out
}

// Scenarios lists the system's scenarios.
func (sys *System) Scenarios() []*Scenario {
	out := sys.scenarios()
	for _, s := range out {
		s.system = sys
	}
	return out
}

// invariant finds one of the system's invariants by name.
func (sys *System) invariant(name string) (InvariantInfo, bool) {
	i := slices.IndexFunc(sys.Invariants, func(inv InvariantInfo) bool { return inv.Name == name })
	if i < 0 {
		return InvariantInfo{}, false
	}
	return sys.Invariants[i], true
}

// runBudget is a safety and a liveness phase and an hour to stop: the
// virtual-time budget of a run.
func runBudget(safety, liveness time.Duration) time.Duration { return safety + liveness + time.Hour }

// describeModel fills a model system's strategies, fixes and failpoints
// from its package's catalogue (systems/catalog types), so that a model
// documents each once, where its code is.
func describeModel[S any, F ~uint8](sys *System, strategies []S, info func(S) StrategyInfo, fixes []catalog.FixInfo[F], failpoints []catalog.FailpointInfo) {
	for _, s := range strategies {
		sys.Strategies = append(sys.Strategies, info(s))
	}
	for _, f := range fixes {
		sys.Fixes = append(sys.Fixes, FixInfo{Name: f.Name, Doc: f.Doc, Credit: f.Credit, PreFix: f.PreFix, Hypothetical: f.Hypothetical})
	}
	for _, f := range failpoints {
		sys.Failpoints = append(sys.Failpoints, FailpointInfo{Name: f.Name, Race: f.Race, Doc: f.Doc})
	}
}

// modelRole is a model strategy's role: the reference, or a version.
func modelRole(reference bool) allocator.Role {
	if reference {
		return allocator.RoleReference
	}
	return allocator.RoleVersion
}
