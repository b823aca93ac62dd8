package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Any argument list for run: flag parsing and validation give a config or
// a one-line usage error with exit status 2, and never panic. Nothing runs.
func FuzzRunFlags(f *testing.F) {
	for _, s := range []string{
		"-scenario reclaim-race -seed 42", "-scenario reclaim-race -workers 0", "-seed abc",
		"-scenario reclaim-race -failpoint allocator/beforeLinkLease=return(1)", "-failpoint =",
		"-scenario x -recipe nope", "-leases -1", "-scenario reclaim-race -stop-on nothing extra", "-h",
		"-scenario reclaim-race -failpoint allocator/beforeLinkLease=return(abc)", "-scenario reclaim-race -budget 1s",
		`-scenario reclaim-race -failpoint hoax/activateLease=return("x")`, "-scenario reclaim-race -strategy pct",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		fs := newFlags("run")
		var rf runFlags
		rf.register(fs, true)
		help, err := parse(fs, strings.Fields(line), &strings.Builder{})
		if help {
			return
		}
		if err == nil {
			_, _, err = rf.config()
		}
		if err != nil {
			ee, ok := err.(*exitError)
			require.True(t, ok, "%T %v", err, err)
			require.Equal(t, 2, ee.code)
			require.NotContains(t, ee.Error(), "\n")
		}
	})
}
