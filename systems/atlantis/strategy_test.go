package atlantis_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/systems/atlantis"
)

func TestParseStrategy(t *testing.T) {
	tests := []struct {
		name    string
		policy  atlantis.Policy
		without []atlantis.Fix
		err     string
	}{
		{name: "fail-fast", policy: atlantis.FailFast},
		{name: "poll-retry", policy: atlantis.PollRetry},
		{name: "queue", policy: atlantis.Queue},
		{name: "blocking", policy: atlantis.Blocking},
		{name: "fail-fast-without=atomic-lock-store", policy: atlantis.FailFast, without: []atlantis.Fix{atlantis.FixAtomicLockStore}},
		{name: "queue-without=pull-lock-order,lock-covers-fix", policy: atlantis.Queue,
			without: []atlantis.Fix{atlantis.FixPullLockOrder, atlantis.FixLockCoversFix}},
		{name: "slot", err: `unknown Atlantis strategy "slot"; valid: fail-fast, poll-retry, queue, blocking`},
		{name: "queue-without=", err: `unknown Atlantis strategy "queue-without="`},
		{name: "queue-without=nope", err: `unknown Atlantis fix "nope"; valid: lock-covers-fix, revalidate-before-plan`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, err := atlantis.ParseStrategy(tc.name)
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.name, st.Name)
			require.Equal(t, tc.policy, st.Policy)
			for _, f := range atlantis.Fixes() {
				without := false
				for _, w := range tc.without {
					without = without || w == f.Fix
				}
				require.Equal(t, !without, st.Has(f.Fix), f.Name)
			}
		})
	}
}

// A policy that never blocks while it holds a lock closes the lock-order
// race without the fix; only a blocking wait needs it.
func TestClosesPullLockOrderByPolicy(t *testing.T) {
	for _, tc := range []struct {
		name   string
		closes bool
	}{
		{"fail-fast-without=pull-lock-order", true},
		{"poll-retry-without=pull-lock-order", true},
		{"queue-without=pull-lock-order", true},
		{"blocking-without=pull-lock-order", false},
		{"blocking", true},
	} {
		st, err := atlantis.ParseStrategy(tc.name)
		require.NoError(t, err)
		require.Equal(t, tc.closes, st.Closes(atlantis.FixPullLockOrder), tc.name)
		require.False(t, tc.name != "blocking" && st.Closes(atlantis.FixAtomicLockStore) != st.Has(atlantis.FixAtomicLockStore))
	}
}

func TestFixesAreDocumented(t *testing.T) {
	for _, f := range atlantis.Fixes() {
		require.NotEmpty(t, f.Doc, f.Name)
		require.NotEmpty(t, f.Credit, f.Name)
		require.NotEmpty(t, f.PreFix, f.Name)
		back, err := atlantis.ParseFix(f.Name)
		require.NoError(t, err)
		require.Equal(t, f.Fix, back)
	}
}
