package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseSearches(t *testing.T) {
	for _, tc := range []struct {
		list, err string
		want      []string
	}{
		{list: "guided,random,pct:2", want: []string{"guided", "random", "pct:2"}},
		{list: "random,swarm", want: []string{"random", "swarm"}},
		{list: "guided", err: "name at least two searches"},
		{list: "guided,bogus", err: "bogus"},
		{list: "guided,", err: `-searches "guided,"`},
	} {
		t.Run(tc.list, func(t *testing.T) {
			got, err := parseSearches(tc.list)
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestCompareRows(t *testing.T) {
	first := []float64{1, 2, 3, 4}
	other := []float64{2, 2, 1, 5}
	got := compareRows(len(first), func(i int) (float64, float64) { return first[i], other[i] })
	require.Equal(t, "better on 2 rows, tied on 1, worse on 1", got)
}

func TestSummary(t *testing.T) {
	for _, tc := range []struct {
		runs []int
		want string
	}{
		{[]int{1, 1, 1}, "1"},
		{[]int{1, 2, 6}, "2 [1-6] μ3.0"},
		{[]int{0, 0, 0}, ">10"},
		{[]int{1, 0, 0}, ">10 [1->10] μ7.7"},
	} {
		require.Equal(t, tc.want, summary(tc.runs, 10), "runs %v", tc.runs)
	}
}
