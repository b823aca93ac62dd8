package simrt_test

import (
	"testing"

	"github.com/pingcap/failpoint"
	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator/simrt"
)

// Any terms: ParseTerms accepts them or explains, never panics (the
// library's own parser does, on some inputs), and pingcap/failpoint
// accepts whatever ParseTerms accepts.
func FuzzParseTerms(f *testing.F) {
	for _, s := range []string{
		"return(1)", `return("2s")`, "1*return(true)", "50%return(1000)", "off", "panic",
		`panic("x")`, "return(1", "sleep(10)", "2*return(1)->off", "1.5%off", "101%return", "%", "->", "return()",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, terms string) {
		tr, err := simrt.ParseTerms(terms)
		if err != nil {
			return
		}
		require.GreaterOrEqual(t, tr.Probability, 0.0)
		require.LessOrEqual(t, tr.Probability, 1.0)
		var fps failpoint.Failpoints
		require.NoError(t, fps.Enable("x", tr.Rest))
	})
}
