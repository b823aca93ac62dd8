package allocator_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

func TestBadConfigurationNamesTheValidChoices(t *testing.T) {
	rt := simrt.New(sim.New(sim.Config{}))
	slot, _ := allocator.ParseStrategy("slot")
	tests := []struct {
		name string
		err  error
		want []string
	}{
		{"unknown strategy", parseStrategyErr("optimistic"), []string{`unknown strategy "optimistic"`, "naive, global, slot", "binding-slot-locks"}},
		{"unknown fix", parseStrategyErr("slot-without=magic"), []string{`unknown fix "magic"`, "yield-for-pending", "release-via-command-queue"}},
		{"empty fix list", parseStrategyErr("slot-without="), []string{"slot-without=<fix>"}},
		{"negative workers", newErr(rt, allocator.Config{Strategy: slot, Workers: -1}), []string{"workers -1 is negative"}},
		{"negative timing", newErr(rt, allocator.Config{Strategy: slot, Timings: allocator.Timings{Yield: -time.Second}}), []string{"timing Yield is -1s"}},
		{"no strategy", newErr(rt, allocator.Config{}), []string{"valid: naive, global, slot"}},
		{"negative limit", hoaxErr(rt, hoax.Config{Limit: -1}), []string{"limit -1 is negative"}},
		{"negative capacity", hoaxErr(rt, hoax.Config{LeasesPerResource: -2}), []string{"leases per resource -2"}},
		{"bad rate", hoaxErr(rt, hoax.Config{ResourceFailRate: 1.5}), []string{"resource fail rate 1.5 is not a probability"}},
		{"bad latency", hoaxErr(rt, hoax.Config{ActivateLatency: hoax.Latency{Min: time.Second}}), []string{"want 0 <= min <= max"}},
		{"unknown failpoint", fpErr("allocator/nowhere=return(1)"), []string{`unknown failpoint "allocator/nowhere"`, allocator.FPBeforeLinkLease, hoax.FPActivateResource}},
		{"malformed failpoint", fpErr("allocator/beforeLinkLease"), []string{"want name=terms"}},
		{"real-time action", fpErr("allocator/beforeLinkLease=sleep(100)"), []string{`action "sleep" acts on the real process`}},
		{"late probability", fpErr("allocator/beforeLinkLease=1*return(1)->50%return(2)"), []string{"probability is allowed only at the start"}},
		{"bad terms", fpErr("allocator/beforeLinkLease=return(1"), []string{"failpoint allocator/beforeLinkLease"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Error(t, tc.err)
			for _, w := range tc.want {
				require.ErrorContains(t, tc.err, w)
			}
		})
	}
}

func parseStrategyErr(s string) error {
	_, err := allocator.ParseStrategy(s)
	return err
}

func newErr(rt allocator.Runtime, cfg allocator.Config) error {
	_, err := allocator.New(rt, cfg)
	return err
}

func hoaxErr(rt allocator.Runtime, cfg hoax.Config) error {
	_, err := hoax.New(rt, cfg)
	return err
}

func fpErr(s string) error {
	_, err := scenarios.ParseFailpoint(s)
	return err
}

func TestStrategiesDifferByExactlyTheirFixes(t *testing.T) {
	slot, err := allocator.ParseStrategy("slot")
	require.NoError(t, err)
	naive, _ := allocator.ParseStrategy("naive")
	global, _ := allocator.ParseStrategy("global")
	for _, f := range allocator.AllFixes() {
		require.True(t, slot.Has(f), "slot has %s", f)
		require.False(t, naive.Has(f), "naive lacks %s", f)
		without, err := allocator.ParseStrategy("slot-without=" + f.String())
		require.NoError(t, err)
		for _, g := range allocator.AllFixes() {
			require.Equal(t, g != f, without.Has(g), "slot-without=%s and %s", f, g)
		}
	}
	require.True(t, global.Global)
	require.False(t, global.Has(allocator.FixBindingSlotLocks), "the global lock replaces slot locks")
	require.True(t, global.Has(allocator.FixReleaseViaCommandQueue))
}
