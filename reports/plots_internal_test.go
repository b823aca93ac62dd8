package reports

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBarAxesStartAtZeroAndLeaveRoomForLabels(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		max    float64
	}{
		{"all zero: a 0..1 axis, not -1..1", []float64{0, 0, 0}, 1},
		{"room past the longest bar for its label", []float64{0, 10, 4}, 11.5},
		{"missing values count as nothing", []float64{math.NaN(), 2}, 2.3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, _, err := barPlot("t", "y", []string{"a", "b", "c"}[:len(tc.values)], []series{{name: "naive", values: tc.values, colour: StrategyColour("naive")}})
			require.NoError(t, err)
			require.Equal(t, 0.0, p.X.Min)
			require.InDelta(t, tc.max, p.X.Max, 1e-9)
		})
	}
}

func TestSpreadIsMeanAndPercentiles(t *testing.T) {
	s := spreadOf([]float64{5, 1, 3, 2, 4, 6, 7, 8, 9, 10})
	require.InDelta(t, 5.5, s.Mean, 1e-9)
	require.InDelta(t, 1.9, s.P10, 1e-9)
	require.InDelta(t, 9.1, s.P90, 1e-9)
	require.Equal(t, 10, s.Runs)
	require.True(t, math.IsNaN(spreadOf(nil).Mean))
	one := spreadOf([]float64{3})
	require.Equal(t, Spread{Mean: 3, P10: 3, P90: 3, Runs: 1}, one)
}

func TestShortNumbers(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 1: "1", 1.0003: "1", 1.47: "1.47", 3.8: "3.8", 935: "935", 1000: "1000", 25000: "25k"} {
		require.Equal(t, want, shortNumber(v), "%v", v)
	}
}
