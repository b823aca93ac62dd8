package scenarios_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

func fullIdentity() scenarios.Identity {
	return scenarios.Identity{
		Scenario: "reclaim-race", Strategy: "slot-without=reclaim-recheck-under-lock", Seed: 42, Workers: 8,
		Sched: sim.SchedulerSpec{Scheduler: sim.PCT{Depth: 2}}, Leases: 3, Clients: 2, Limit: 1, Poll: time.Minute,
		NoScenarioFailpoints: true,
		Failpoints: []scenarios.Failpoint{
			{Name: "allocator/beforeLinkLease", Terms: "return(900)"},
			{Name: "hoax/activateResource", Terms: `1*return("hang")`},
		},
	}
}

// The argument list (the repro line) and the header fields are two
// spellings of one value: each reads back to the identity it came from.
func TestIdentitySpellingsReadBack(t *testing.T) {
	for _, id := range []scenarios.Identity{fullIdentity(), {Scenario: "release-race", Strategy: "naive", Seed: 1}} {
		id = id.Normalized()
		back, err := scenarios.ParseArgs(id.Args())
		require.NoError(t, err)
		require.Equal(t, id, back, "args %q", id.Args())

		var b bytes.Buffer
		require.NoError(t, id.WriteFields(&b))
		var fromFields scenarios.Identity
		set := fromFields.Setter()
		for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
			key, value, _ := strings.Cut(line, " ")
			require.NoError(t, set.Set(key, value), line)
		}
		require.Empty(t, set.Missing())
		require.Equal(t, id, fromFields.Normalized(), "fields:\n%s", b.String())
	}
}

func TestIdentityReproLineLeavesOutDefaultsAndQuotes(t *testing.T) {
	id := scenarios.Identity{Scenario: "reclaim-race", Strategy: "naive", Seed: 1}
	require.Equal(t, "drysim run -scenario reclaim-race -strategy naive -seed 1 -workers 64", id.Command("run"))
	require.Equal(t, "-scenario reclaim-race -strategy slot-without=reclaim-recheck-under-lock -seed 42 -workers 8 -sched pct:2 "+
		"-leases 3 -clients 2 -limit 1 -poll 1m0s -no-scenario-failpoints "+
		`-failpoint 'allocator/beforeLinkLease=return(900)' -failpoint 'hoax/activateResource=1*return("hang")'`, fullIdentity().String())
}

func TestIdentityErrorsNameWhatIsValid(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-scenario", "nope"}, `unknown scenario "nope"; valid: double-allocation`},
		{[]string{"-scenario", "reclaim-race", "-strategy", "best"}, `unknown strategy "best"; valid: naive, global, slot`},
		{[]string{"-scenario", "reclaim-race", "-sched", "dfs"}, `unknown scheduler "dfs"; valid: random, pct`},
		{[]string{"-scenario", "reclaim-race", "-workers", "100000000"}, "workers 100000000: want 1 to 65536"},
		{[]string{"-scenario", "reclaim-race", "-failpoint", "x=return(1)"}, `unknown failpoint "x"`},
		{[]string{"-scenario", "reclaim-race", "-recipe", "nope"}, `unknown scenario "nope"`},
		{[]string{"-scenario", "reclaim-race", "stray"}, `unexpected argument "stray"`},
	}
	for _, tc := range tests {
		_, err := scenarios.ParseArgs(tc.args)
		require.ErrorIs(t, err, scenarios.ErrConfig, tc.args)
		require.ErrorContains(t, err, tc.want)
	}
}

// Any argument list: ParseArgs gives an identity whose arguments read back
// to it, or an ErrConfig; it never panics.
func FuzzParseArgs(f *testing.F) {
	for _, s := range []string{
		"-scenario reclaim-race -seed 42", "-scenario reclaim-race -workers 0", "-seed abc", "-scenario reclaim-race -sched pct",
		"-scenario reclaim-race -failpoint allocator/beforeLinkLease=return(1)", "-failpoint =", "-scenario x -recipe nope",
		"-scenario release-race -recipe release-race -poll 3s", "-leases -1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		id, err := scenarios.ParseArgs(strings.Fields(line))
		if err != nil {
			require.ErrorIs(t, err, scenarios.ErrConfig)
			return
		}
		back, err := scenarios.ParseArgs(id.Args())
		require.NoError(t, err)
		require.Equal(t, id.Normalized(), back)
	})
}
