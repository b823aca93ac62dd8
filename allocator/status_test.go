package allocator_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
)

// The legal transitions, written out from docs/drydock.md §1 independently of
// the allocator's own table: every pair listed here must be accepted and
// every other pair rejected.
var legalLease = map[string]bool{
	"pending->acquired": true, "pending->active": true, "acquired->active": true,
	"acquired->pending": true, // throw-back (D19076)
	"pending->released": true, "acquired->released": true, "active->released": true, "broken->released": true,
	"pending->broken": true, "acquired->broken": true, "active->broken": true,
	"released->destroyed": true, "broken->destroyed": true,
}

var legalResource = map[string]bool{
	"pending->active":   true,
	"pending->released": true, "active->released": true,
	"pending->broken": true, "active->broken": true,
	"released->destroyed": true, "broken->destroyed": true,
}

func TestEveryLeaseTransition(t *testing.T) {
	for _, from := range allocator.AllLeaseStatuses() {
		for _, to := range allocator.AllLeaseStatuses() {
			name := fmt.Sprintf("%s->%s", from, to)
			t.Run(name, func(t *testing.T) {
				err := allocator.CheckLeaseTransition(from, to)
				l := allocator.Lease{ID: 7, Status: from}
				setErr := l.SetStatus(to, time.Unix(100, 0))
				if legalLease[name] {
					require.NoError(t, err)
					require.NoError(t, setErr)
					require.Equal(t, to, l.Status)
					require.Equal(t, time.Unix(100, 0), l.Modified)
					return
				}
				require.ErrorIs(t, err, allocator.ErrIllegalTransition)
				require.ErrorIs(t, setErr, allocator.ErrIllegalTransition)
				require.ErrorContains(t, setErr, fmt.Sprintf("lease 7: lease %s -> %s", from, to))
				require.Equal(t, from, l.Status, "a rejected transition leaves the lease unchanged")
			})
		}
	}
}

func TestEveryResourceTransition(t *testing.T) {
	for _, from := range allocator.AllResourceStatuses() {
		for _, to := range allocator.AllResourceStatuses() {
			name := fmt.Sprintf("%s->%s", from, to)
			t.Run(name, func(t *testing.T) {
				r := allocator.Resource{ID: 3, Status: from}
				err := r.SetStatus(to, time.Unix(100, 0))
				if legalResource[name] {
					require.NoError(t, err)
					require.Equal(t, to, r.Status)
					return
				}
				require.ErrorIs(t, err, allocator.ErrIllegalTransition)
				require.Equal(t, from, r.Status)
			})
		}
	}
}

func TestStatusPredicates(t *testing.T) {
	tests := []struct {
		status                                allocator.LeaseStatus
		releasable, activating, ended, linked bool
	}{
		{allocator.LeasePending, true, true, false, false},
		{allocator.LeaseAcquired, true, true, false, true},
		{allocator.LeaseActive, true, false, false, true},
		{allocator.LeaseReleased, false, false, true, false},
		{allocator.LeaseBroken, true, false, true, false},
		{allocator.LeaseDestroyed, false, false, true, false},
	}
	for _, tc := range tests {
		require.Equal(t, tc.releasable, tc.status.Releasable(), tc.status.String())
		require.Equal(t, tc.releasable, tc.status.Commandable(), tc.status.String())
		require.Equal(t, tc.activating, tc.status.Activating(), tc.status.String())
		require.Equal(t, tc.ended, tc.status.Ended(), tc.status.String())
		require.Equal(t, tc.linked, tc.status.Linked(), tc.status.String())
	}
	// Broken resources take no commands, broken leases do (docs/drydock.md §1).
	require.False(t, allocator.ResourceBroken.Commandable())
	require.True(t, allocator.ResourceBroken.Releasable())
	require.True(t, allocator.LeaseBroken.Commandable())
}
