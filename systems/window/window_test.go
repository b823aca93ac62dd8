package window_test

import (
	"testing"
	"time"

	"github.com/pingcap/failpoint"
	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/systems/window"
)

func TestDuration(t *testing.T) {
	tests := []struct {
		v    failpoint.Value
		want time.Duration
	}{
		{nil, 0},
		{500, 500 * time.Millisecond},
		{"12s", 12 * time.Second},
		{"not a duration", time.Second},
		{true, time.Second},
		{false, 0},
		{struct{}{}, time.Second},
	}
	for _, tc := range tests {
		require.Equal(t, tc.want, window.Duration(tc.v), "%v", tc.v)
	}
}
