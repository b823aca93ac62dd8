package harness

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

func TestUnfiredFailpointsAreWarnedOnceEach(t *testing.T) {
	fps := []scenarios.Failpoint{{Name: "a", Terms: "return(1)"}, {Name: "b", Terms: "return(2)"}, {Name: "b", Terms: "1*return(3)"}, {Name: "c", Terms: "off"}}
	tests := []struct {
		name   string
		hits   map[string]int
		warned []string
		want   int
	}{
		{"unknown hits warn about nothing", nil, nil, 0},
		{"every one fired", map[string]int{"a": 1, "b": 2, "c": 1}, nil, 0},
		{"two never fired, b listed twice", map[string]int{"a": 3, "b": 0, "c": 0}, nil, 2},
		{"one already warned about", map[string]int{"a": 0, "b": 1, "c": 1}, []string{"failpoint a will never fire: ..."}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := unfired(fps, tc.hits, tc.warned)
			require.Len(t, got, tc.want, "%q", got)
			for _, w := range got {
				require.Contains(t, w, "never fired")
			}
		})
	}
}

// A run fails when it did not finish or broke a forbidden invariant; a
// measured one alone (the reclaim stall) is counted, not failed, as in a
// sweep record and a check row.
func TestFailedLeavesMeasuredInvariantsOut(t *testing.T) {
	stall := scenarios.Violation{Invariant: scenarios.InvReclaimStall}
	race := scenarios.Violation{Invariant: scenarios.InvReclaimIdleOnly}
	tests := []struct {
		name       string
		outcome    sim.Outcome
		violations []scenarios.Violation
		failed     bool
	}{
		{"clean", sim.Done, nil, false},
		{"a stall only", sim.Done, []scenarios.Violation{stall}, false},
		{"a race", sim.Done, []scenarios.Violation{race}, true},
		{"a stall and a race", sim.Done, []scenarios.Violation{stall, race}, true},
		{"a budget", sim.TimeBudget, nil, true},
	}
	for _, tc := range tests {
		r := &Result{Outcome: tc.outcome, Violations: tc.violations}
		require.Equal(t, tc.failed, r.Failed(), tc.name)
	}
}
