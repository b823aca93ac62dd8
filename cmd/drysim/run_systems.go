package main

import (
	"fmt"
	"io"

	"github.com/drysim/drysim/scenarios/harness"
)

// printSystemCounts prints what a run of a system other than Drydock did
// (its operations, rejections, waits) and reports whether it printed.
func printSystemCounts(w io.Writer, r *harness.Result) bool {
	sys, m := r.Scenario.System(), r.Metrics
	if sys.Name == "drydock" {
		return false
	}
	fmt.Fprintf(w, "operations %d (%s), %d rejected (%.1f%%), %d failed, %d retries, %d lock timeouts; lock wait p50 %v, p99 %v, max %v\n",
		m.Operations, sys.Name, m.Rejected, 100*m.RejectedShare(), m.Failed, m.Retries, m.LockTimeouts,
		m.LockWaitP50.Round(1e6), m.LockWaitP99.Round(1e6), m.LockWaitMax.Round(1e6))
	if m.WriterWaitMax > 0 || m.ReaderShare > 0 {
		fmt.Fprintf(w, "writers    wait p99 %v, max %v; reader share %.2f; %d stale reads\n",
			m.WriterWaitP99.Round(1e6), m.WriterWaitMax.Round(1e6), m.ReaderShare, m.StaleReads)
	}
	return true
}
