package reports

import (
	"cmp"
	"fmt"
	"image/color"
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

// palette gives each strategy one colour in every figure and table, by its
// index among its system's strategies (System.NamedStrategies): for
// Drydock the baseline, coarse and reference strategies first (red, blue,
// green), then phorge and the ablations. A figure shows one system's
// strategies, so two systems may share colours, never two strategies of
// one.
func palette() []color.NRGBA {
	return []color.NRGBA{
		{0xd6, 0x27, 0x28, 0xff}, // red
		{0x1f, 0x77, 0xb4, 0xff}, // blue
		{0x2c, 0xa0, 0x2c, 0xff}, // green
		{0xff, 0x7f, 0x0e, 0xff}, // orange
		{0x94, 0x67, 0xbd, 0xff}, // purple
		{0x8c, 0x56, 0x4b, 0xff}, // brown
		{0xe3, 0x77, 0xc2, 0xff}, // pink
		{0xbc, 0xbd, 0x22, 0xff}, // olive
		{0x17, 0xbe, 0xcf, 0xff}, // cyan
		{0x39, 0x3b, 0x79, 0xff}, // indigo
		{0x8c, 0x6d, 0x31, 0xff}, // ochre
		{0x7f, 0x7f, 0x7f, 0xff}, // grey
		{0x00, 0x80, 0x80, 0xff}, // teal
		{0x80, 0x00, 0x00, 0xff}, // maroon
		{0x63, 0x79, 0x39, 0xff}, // moss
		{0xce, 0x6d, 0xbd, 0xff}, // orchid
	}
}

// StrategyColour is the strategy's colour in every figure and table; a
// strategy no system names (an ablation of several fixes) is dark grey.
func StrategyColour(strategy string) color.NRGBA {
	p := palette()
	for _, sys := range scenarios.Systems() {
		if i := slices.Index(sys.NamedStrategies(), strategy); i >= 0 && i < len(p) {
			return p[i]
		}
	}
	return color.NRGBA{0x33, 0x33, 0x33, 0xff}
}

// hexColour is a colour as CSS writes it.
func hexColour(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// lighter mixes c with white: a second shade of one strategy's colour.
func lighter(c color.NRGBA, f float64) color.NRGBA {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*f) }
	return color.NRGBA{mix(c.R), mix(c.G), mix(c.B), c.A}
}
