package scenarios_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
)

// Any -failpoint value: ParseFailpoint accepts it or says why, never
// panics; an accepted value prints back as itself.
func FuzzParseFailpoint(f *testing.F) {
	for _, s := range []string{
		"allocator/beforeLinkLease=return(2000)", `hoax/activateResource=1*return("hang")`,
		"allocator/afterLoadCandidates=50%return(3000)", "allocator/beforeLinkLease=off",
		"allocator/beforeLinkLease=return(1", "allocator/beforeLinkLease=sleep(5)", "=", "x",
		`allocator/beforeLinkLease=2*return("5s")->off`, "allocator/beforeLinkLease=panic",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fp, err := scenarios.ParseFailpoint(s)
		if err != nil {
			require.ErrorIs(t, err, scenarios.ErrConfig)
			require.NotContains(t, err.Error(), "\n")
			return
		}
		require.Equal(t, s, fp.String())
	})
}
