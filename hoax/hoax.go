package hoax

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/drysim/drysim/allocator"
)

// Failpoints the hoax evaluates. A value of "fail" makes the call fail and
// "hang" makes it hang for HangFor first; they act only while faults are on.
const (
	FPAllocateResource = "hoax/allocateResource"
	FPActivateResource = "hoax/activateResource"
	FPActivateLease    = "hoax/activateLease"
)

// FailpointNames lists the hoax's failpoints.
func FailpointNames() []string {
	return []string{FPActivateLease, FPActivateResource, FPAllocateResource}
}

// ErrFault is wrapped by every failure the hoax injects.
var ErrFault = errors.New("hoax fault")

// Hoax is a blueprint of synthetic hosts: each resource is a row, and every
// call sleeps for a latency drawn from the world's PRNG and fails as often
// as its config says. It counts the hooks it receives, as a real host would
// see them.
type Hoax struct {
	rt     allocator.Runtime
	cfg    Config
	lat    *rand.Rand // latencies and slot choices
	faults *rand.Rand // which calls fail
	on     bool       // faults enabled
	counts Counts
}

// Counts are the calls the hoax received.
type Counts struct {
	Activations, ActivationFailures, Hangs, AllocateFailures, LeaseFailures int
	// ReleaseHooks and DestroyHooks count hook calls per lease.
	ReleaseHooks map[allocator.ID]int
	DestroyHooks map[allocator.ID]int
}

var _ allocator.BlueprintImpl = (*Hoax)(nil)

// New makes a hoax blueprint on rt with faults on.
func New(rt allocator.Runtime, cfg Config) (*Hoax, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Type == "" {
		cfg.Type = "host"
	}
	return &Hoax{
		rt: rt, cfg: cfg, lat: rt.Rand("hoax"), faults: rt.Rand("faults"), on: true,
		counts: Counts{ReleaseHooks: map[allocator.ID]int{}, DestroyHooks: map[allocator.ID]int{}},
	}, nil
}

// SetFaults turns injected failures and hangs on or off (a liveness phase
// runs with them off).
func (h *Hoax) SetFaults(on bool) { h.on = on }

// Counts returns what the hoax has seen so far.
func (h *Hoax) Counts() Counts { return h.counts }

// Config returns the hoax's config.
func (h *Hoax) Config() Config { return h.cfg }

func (h *Hoax) sleep(l Latency) {
	d := l.Min
	if l.Max > l.Min {
		d += time.Duration(h.lat.Int64N(int64(l.Max-l.Min) + 1))
	}
	if d > 0 {
		h.rt.Sleep(d)
	}
}

// fault decides whether a call fails: the failpoint first, then the rate.
// It returns "", "fail" or "hang".
func (h *Hoax) fault(fp string, failRate, hangRate float64) string {
	v := h.rt.Failpoint(fp)
	if !h.on {
		return ""
	}
	if s, ok := v.(string); ok && (s == "fail" || s == "hang") {
		return s
	}
	if v != nil {
		return "fail"
	}
	p := h.faults.Float64()
	switch {
	case p < hangRate:
		return "hang"
	case p < hangRate+failRate:
		return "fail"
	}
	return ""
}

// Type is the resource type built.
func (h *Hoax) Type() string { return h.cfg.Type }

// CanEverAllocate: the lease must want a flavour this blueprint has.
func (h *Hoax) CanEverAllocate(l allocator.Lease) bool {
	want, ok := l.Wants.Get(AttrFlavour)
	if !ok || len(h.cfg.Flavours) == 0 {
		return true
	}
	for _, f := range h.cfg.Flavours {
		if f == want {
			return true
		}
	}
	return false
}

// PrefersSupplemental is the config knob.
func (h *Hoax) PrefersSupplemental() bool { return h.cfg.PrefersSupplemental }

// ActivateResource sets a host up: latency, then maybe a hang or a failure.
func (h *Hoax) ActivateResource(r allocator.Resource) error {
	h.counts.Activations++
	h.sleep(h.cfg.ActivateLatency)
	switch h.fault(FPActivateResource, h.cfg.ResourceFailRate, h.cfg.HangRate) {
	case "hang":
		h.counts.Hangs++
		h.rt.Sleep(h.cfg.HangFor)
		return fmt.Errorf("resource %d: setup hung and timed out after %v: %w", r.ID, h.cfg.HangFor, ErrFault)
	case "fail":
		h.counts.ActivationFailures++
		return fmt.Errorf("resource %d: setup failed: %w", r.ID, ErrFault)
	}
	return nil
}

// DestroyResource tears a host down.
func (h *Hoax) DestroyResource(allocator.Resource) error {
	h.sleep(h.cfg.DestroyLatency)
	return nil
}

// ActivateLease sets a lease up on its host; it may fail.
func (h *Hoax) ActivateLease(_ allocator.Resource, l allocator.Lease) error {
	h.sleep(h.cfg.ActivateLeaseLatency)
	if h.fault(FPActivateLease, h.cfg.LeaseFailRate, 0) != "" {
		h.counts.LeaseFailures++
		return fmt.Errorf("lease %d: setup failed: %w", l.ID, ErrFault)
	}
	return nil
}

// DidReleaseLease is the release hook.
func (h *Hoax) DidReleaseLease(_ allocator.Resource, l allocator.Lease) {
	h.sleep(h.cfg.ReleaseLatency)
	h.counts.ReleaseHooks[l.ID]++
}

// DestroyLease is the destroy hook.
func (h *Hoax) DestroyLease(_ allocator.Resource, l allocator.Lease) {
	h.counts.DestroyHooks[l.ID]++
}

// Capacity is how many leases one resource takes.
func (h *Hoax) Capacity() int { return h.cfg.capacity() }
