package allocator

import (
	"slices"
	"time"
)

// Metrics are what the allocator measures about itself while it runs.
type Metrics struct {
	// LockWaits is the virtual time every object-lock acquisition waited,
	// timed-out waits included.
	LockWaits []time.Duration
	// LockTimeouts counts waits that gave up.
	LockTimeouts int
	// AllocationConflicts counts first saves lost to a slot lock.
	AllocationConflicts int
}

func (m *Metrics) recordLockWait(d time.Duration, ok bool) {
	m.LockWaits = append(m.LockWaits, d)
	if !ok {
		m.LockTimeouts++
	}
}

// Metrics returns a copy of the allocator's metrics.
func (a *Allocator) Metrics() Metrics {
	m := a.metrics
	m.LockWaits = slices.Clone(m.LockWaits)
	return m
}

// Percentile returns the p-th percentile (0..100) of ds by nearest rank,
// or 0 for none.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(p/100*float64(len(s))+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}
