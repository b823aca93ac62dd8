package scenarios

import (
	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// drydock is Phabricator Drydock's allocator (package allocator) and the
// hoax hosts it allocates: the system drysim began with. Its strategies,
// fixes and failpoints are the allocator's own lists, its invariants the
// checker's table, its scenarios registry().
func drydock() *System {
	return &System{
		Name:       "drydock",
		Doc:        "Phabricator Drydock's allocator: leases, resources, slot locks, the command queue",
		Source:     "phacility/phabricator at 5720a38cfe95 and phorgeit/phorge at 07c1a51310cf (docs/drydock.md)",
		Strategies: drydockStrategies(),
		Reference:  "slot",
		Fixes:      drydockFixes(),
		Failpoints: drydockFailpoints(),
		Invariants: drydockInvariants(),
		Dimensions: Dimensions{Leases: "leases requested in all", Clients: "requesters running at once", Limit: "the hoax blueprint's limit", Poll: "how often a requester looks at its lease"},
		parse:      parseDrydockStrategy,
		scenarios:  registry,
		prepare:    prepareDrydock,
		start:      (*Prepared).startDrydock,
	}
}

func drydockStrategies() []StrategyInfo {
	var out []StrategyInfo
	for _, s := range allocator.Strategies() {
		out = append(out, StrategyInfo{Name: s.Name, Doc: s.Doc, Role: s.Role, Aliases: s.Aliases, Hypothetical: s.Hypothetical})
	}
	return out
}

func drydockFixes() []FixInfo {
	var out []FixInfo
	for _, f := range allocator.Fixes() {
		out = append(out, FixInfo{Name: f.Name, Doc: f.Doc, Credit: f.Credit(), PreFix: f.PreFix, Hypothetical: f.Hypothetical})
	}
	return out
}

// drydockFailpoints are the allocator's race windows and the hoax's faults.
func drydockFailpoints() []FailpointInfo {
	var out []FailpointInfo
	for _, f := range allocator.Failpoints() {
		out = append(out, FailpointInfo{Name: f.Name, Race: f.Race, Doc: f.Doc})
	}
	for _, name := range hoax.FailpointNames() {
		out = append(out, FailpointInfo{Name: name, Race: "faults", Doc: `return("fail") or return("hang")`})
	}
	return out
}

func drydockInvariants() []InvariantInfo {
	var out []InvariantInfo
	for _, inv := range Invariants() {
		out = append(out, inv.Info())
	}
	return out
}

// parseDrydockStrategy reads what allocator.ParseStrategy reads; a
// strategy closes a fix by applying it or, for global, by its one lock.
func parseDrydockStrategy(name string) (Strategy, error) {
	st, err := allocator.ParseStrategy(name)
	if err != nil {
		return Strategy{}, err
	}
	return Strategy{Name: st.Name, closes: func(fix string) bool {
		f, err := allocator.ParseFix(fix)
		return err == nil && st.Closes(f)
	}}, nil
}

// prepareDrydock applies the identity's overrides to the scenario's
// workload and hoax blueprint.
func prepareDrydock(p *Prepared) error {
	id, s := p.Identity, p.Scenario
	p.strategy, _ = allocator.ParseStrategy(id.Strategy) // Validate read it
	p.Workload, p.hoax = s.workload(id.Leases, id.Clients), s.Hoax
	if id.Poll > 0 {
		p.Workload.Poll = id.Poll
	}
	if id.Limit > 0 {
		p.hoax.Limit = id.Limit
	}
	p.Dims = Dims{Leases: p.Workload.Leases, Clients: p.Workload.Clients, Limit: p.hoax.Limit, Poll: p.Workload.Poll}
	p.safety, p.liveness, p.ownLeases = p.Workload.Safety, p.Workload.Liveness, s.Workload.Leases
	p.horizon = s.pctHorizon(id.Leases)
	return nil
}

// fixNames spells Drydock fixes by name, as scenarios of every system name
// the fixes that close them.
func fixNames(fs []allocator.Fix) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.String()
	}
	return out
}
