package hoax

import (
	"fmt"
	"time"
)

// Latency is a uniform range a call's duration is drawn from.
type Latency struct {
	Min, Max time.Duration
}

// Fixed is a latency with no spread.
func Fixed(d time.Duration) Latency { return Latency{d, d} }

// Config is every knob of a hoax blueprint, as data.
type Config struct {
	// Type is the resource type built ("host" if empty).
	Type string
	// Limit caps resources that are not destroyed; 0 means no limit.
	Limit int
	// LeasesPerResource is how many leases one resource takes (0 means 1).
	LeasesPerResource int
	// Bindings are Almanac-style host bindings; when set, each resource
	// takes one and two live resources must never share one.
	Bindings []string
	// Flavours are the values of the "flavour" attribute a lease may want;
	// a resource is built with the flavour its allocating lease wanted.
	Flavours []string

	AllocateLatency      Latency // allocateResource (inside the allocating lease's run)
	ActivateLatency      Latency // activateResource (resource setup)
	DestroyLatency       Latency // destroyResource
	AcquireLatency       Latency // acquireLease
	ActivateLeaseLatency Latency // activateLease
	ReleaseLatency       Latency // didReleaseLease

	// ResourceFailRate and LeaseFailRate are the chances that resource and
	// lease activation fail.
	ResourceFailRate float64
	LeaseFailRate    float64
	// HangRate is the chance resource activation hangs for HangFor and then
	// fails as timed out (the git-timeout kind of hang).
	HangRate float64
	HangFor  time.Duration
	// AllocateFailRate is the chance that allocateResource, after the
	// coarse check said yes, fails.
	AllocateFailRate float64

	// ActivateWhenAllocated builds resources active, with no setup step.
	ActivateWhenAllocated bool
	// PrefersSupplemental builds new resources before sharing used ones.
	PrefersSupplemental bool
}

// Validate names the first knob no blueprint could use.
func (c Config) Validate() error {
	switch {
	case c.Limit < 0:
		return fmt.Errorf("hoax: limit %d is negative; want 0 (no limit) or more", c.Limit)
	case c.LeasesPerResource < 0:
		return fmt.Errorf("hoax: leases per resource %d is negative; want 0 (one) or more", c.LeasesPerResource)
	case c.HangFor < 0:
		return fmt.Errorf("hoax: hang duration %v is negative", c.HangFor)
	}
	for _, r := range []struct {
		name string
		p    float64
	}{
		{"resource fail rate", c.ResourceFailRate}, {"lease fail rate", c.LeaseFailRate},
		{"hang rate", c.HangRate}, {"allocate fail rate", c.AllocateFailRate},
	} {
		if r.p < 0 || r.p > 1 {
			return fmt.Errorf("hoax: %s %v is not a probability; want a value in [0, 1]", r.name, r.p)
		}
	}
	for _, l := range []Latency{c.AllocateLatency, c.ActivateLatency, c.DestroyLatency, c.AcquireLatency, c.ActivateLeaseLatency, c.ReleaseLatency} {
		if l.Min < 0 || l.Max < l.Min {
			return fmt.Errorf("hoax: latency %v..%v; want 0 <= min <= max", l.Min, l.Max)
		}
	}
	return nil
}

func (c Config) capacity() int { return max(c.LeasesPerResource, 1) }
