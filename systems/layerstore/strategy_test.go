package layerstore_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/systems/layerstore"
)

func TestParseStrategy(t *testing.T) {
	tests := []struct {
		name    string
		policy  layerstore.Policy
		lock    layerstore.Policy
		without []layerstore.Fix
		err     string
	}{
		{name: "go", policy: layerstore.GoRW, lock: layerstore.GoRW},
		{name: "writer-preferring", policy: layerstore.WriterPreferring, lock: layerstore.WriterPreferring},
		{name: "reader-preferring", policy: layerstore.ReaderPreferring, lock: layerstore.ReaderPreferring,
			without: []layerstore.Fix{layerstore.FixWritersBlockReaders}},
		{name: "go-without=writers-block-new-readers", policy: layerstore.GoRW, lock: layerstore.ReaderPreferring,
			without: []layerstore.Fix{layerstore.FixWritersBlockReaders}},
		{name: "go-without=modified-since-per-store,global-lock-order", policy: layerstore.GoRW, lock: layerstore.GoRW,
			without: []layerstore.Fix{layerstore.FixModifiedSincePerStore, layerstore.FixGlobalLockOrder}},
		{name: "slot", err: `unknown layer-store strategy "slot"; valid: go, writer-preferring, reader-preferring`},
		{name: "go-without=", err: `unknown layer-store strategy "go-without="`},
		{name: "go-without=nope", err: `unknown layer-store fix "nope"; valid: writers-block-new-readers, modified-since-per-store`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, err := layerstore.ParseStrategy(tc.name)
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.name, st.Name)
			require.Equal(t, tc.policy, st.Policy)
			require.Equal(t, tc.lock, st.LockPolicy())
			for _, f := range layerstore.Fixes() {
				require.Equal(t, !contains(tc.without, f.Fix), st.Has(f.Fix), f.Name)
			}
		})
	}
}

func contains(fs []layerstore.Fix, f layerstore.Fix) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

// Every fix is documented with where it comes from and what it replaced.
func TestFixesAreDocumented(t *testing.T) {
	for _, f := range layerstore.Fixes() {
		require.NotEmpty(t, f.Doc, f.Name)
		require.NotEmpty(t, f.Credit, f.Name)
		require.NotEmpty(t, f.PreFix, f.Name)
		back, err := layerstore.ParseFix(f.Name)
		require.NoError(t, err)
		require.Equal(t, f.Fix, back)
	}
}

// The lockfile's two checks: the process-wide Modified is consumed by the
// first asker and never reports the process's own writes; ModifiedSince
// compares with what the caller loaded.
func TestLockfileChecks(t *testing.T) {
	lf := &layerstore.Lockfile{}
	loaded := lf.Generation()
	require.False(t, lf.Modified())
	lf.Touch() // a write by another layer store of the process
	require.False(t, lf.Modified(), "the process wrote it: Modified says nothing changed")
	require.True(t, lf.ModifiedSince(loaded), "but the file did change since this store loaded")
	require.False(t, lf.ModifiedSince(lf.Generation()))
}
