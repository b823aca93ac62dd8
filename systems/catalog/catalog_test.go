package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/systems/catalog"
)

type fix uint8

var fixes = []catalog.FixInfo[fix]{{Fix: 0, Name: "a"}, {Fix: 1, Name: "b"}, {Fix: 2, Name: "c"}}

func TestParseAblation(t *testing.T) {
	tests := []struct {
		name, base string
		without    []fix
		wantErr    string
	}{
		{name: "go", base: "go"},
		{name: "go-without=a", base: "go", without: []fix{0}},
		{name: "go-without=c,a", base: "go", without: []fix{2, 0}},
		{name: "go-without=", wantErr: `strategy "go-without=" names no fix after -without=`},
		{name: "go-without=z", base: "go", wantErr: `strategy "go-without=z": unknown toy fix "z"; valid: a, b, c`},
	}
	for _, tc := range tests {
		base, without, err := catalog.ParseAblation("toy", tc.name, fixes)
		require.Equal(t, tc.base, base, tc.name)
		if tc.wantErr != "" {
			require.EqualError(t, err, tc.wantErr, tc.name)
			continue
		}
		require.NoError(t, err, tc.name)
		require.Equal(t, tc.without, without, tc.name)
	}
}

func TestSetsAndInfo(t *testing.T) {
	all := catalog.All(fix(3))
	for _, f := range []fix{0, 1, 2} {
		require.True(t, all.Has(f))
	}
	require.False(t, all.Has(3))
	less := all.Without(1)
	require.True(t, less.Has(0) && !less.Has(1) && less.Has(2))
	require.Equal(t, "b", catalog.Info(fixes, 1).Name)
	require.Equal(t, "Fix(7)", catalog.Info(fixes, 7).Name)
}
