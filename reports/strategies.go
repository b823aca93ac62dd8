package reports

import (
	"cmp"
	"slices"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/scenarios"
)

// The report names no strategy itself: it takes the named strategies, their
// order and their roles from scenarios.Strategies.

// named lists the named strategies (not the ablations), in order.
func named() []string {
	var out []string
	for _, s := range scenarios.Strategies() {
		out = append(out, s.Name)
	}
	return out
}

// withRole is the first named strategy with role, or "".
func withRole(role allocator.Role) string {
	for _, s := range scenarios.Strategies() {
		if s.Role == role {
			return s.Name
		}
	}
	return ""
}

// baseline is the strategy with none of the fixes.
func baseline() string { return withRole(allocator.RoleBaseline) }

// coarse is the strategy with one lock around every decision.
func coarse() string { return withRole(allocator.RoleCoarse) }

// reference is Drydock as its code is.
func reference() string { return withRole(allocator.RoleReference) }

// compareStrategies lists strategies in scenarios.StrategyNames order
// (named ones first, then the ablations), unknown ones last by name.
func compareStrategies(a, b string) int {
	order := scenarios.StrategyNames()
	rank := func(s string) int {
		if i := slices.Index(order, s); i >= 0 {
			return i
		}
		return len(order)
	}
	return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b))
}
