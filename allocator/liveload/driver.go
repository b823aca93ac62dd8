package liveload

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/livert"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/scenarios"
)

// driver is the requesters of a live run: scenarios' workload (clients that
// request, wait, hold and release, a second releaser, expiries, abandoned
// leases, an operator), driven by the wall clock. Its fields are read and
// written only by tasks, which hold the runtime's step lock.
type driver struct {
	rt       *livert.Runtime
	a        *allocator.Allocator
	h        *hoax.Hoax
	wl       scenarios.Workload
	rng      *rand.Rand
	stopping bool // stop requesting; release what is held and return
	actors   allocator.ID
	latency  latencies // wall time from request to active, per lease
	requests int
	active   int
	ended    int // leases that ended before they became active
	// abandoned are the leases whose requesters gave up waiting for them
	// (the workload's Abandon): abandoned-ended checks each ended.
	abandoned []allocator.ID
	errs      []string
}

// latencies collects wall durations; its own lock, because the run's
// progress line reads it from outside any task.
type latencies struct {
	mu sync.Mutex
	ds []time.Duration
}

func (l *latencies) add(d time.Duration) {
	l.mu.Lock()
	l.ds = append(l.ds, d)
	l.mu.Unlock()
}

func (l *latencies) snapshot() []time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]time.Duration(nil), l.ds...)
}

const operatorActor = 999_999

func newDriver(rt *livert.Runtime, a *allocator.Allocator, h *hoax.Hoax, wl scenarios.Workload) *driver {
	if wl.Poll == 0 {
		wl.Poll = 5 * time.Second
	}
	return &driver{rt: rt, a: a, h: h, wl: wl, rng: rt.Rand("workload"), actors: 1}
}

func (d *driver) fail(format string, args ...any) {
	if len(d.errs) < 16 {
		d.errs = append(d.errs, fmt.Sprintf(format, args...))
	}
}

// useLease requests one lease, waits until it is active, holds it and
// releases it. Stopping cuts the wait or the hold short; the lease is
// released all the same, so a stop leaves nothing leased.
func (d *driver) useLease(actor allocator.Ref) {
	req := allocator.LeaseRequest{Type: d.h.Type()}
	if len(d.wl.Flavours) > 0 {
		req.Wants = allocator.Attrs(hoax.AttrFlavour, d.wl.Flavours[d.rng.IntN(len(d.wl.Flavours))])
	}
	if d.wl.Expire.Max > 0 {
		req.Until = d.rt.Now().Add(draw(d.rng, d.wl.Expire))
	}
	start := time.Now()
	d.requests++
	id, err := d.a.RequestLease(req)
	if err != nil {
		d.fail("request lease: %v", err)
		return
	}
	if active := d.waitActive(id); active {
		d.active++
		d.latency.add(time.Since(start))
		d.hold(draw(d.rng, d.wl.Hold))
	}
	if d.wl.DoubleRelease && !d.stopping {
		admin := allocator.ActorRef(1_000_000 + id)
		d.rt.Go(fmt.Sprintf("admin-%d", id), func() { d.release(id, admin) })
	}
	d.release(id, actor)
}

func (d *driver) release(id allocator.ID, actor allocator.Ref) {
	if err := d.a.Release(id, actor); err != nil {
		d.fail("release lease %d: %v", id, err)
	}
}

// hold sleeps for the hold time, in slices, so that a stop cuts it short.
func (d *driver) hold(total time.Duration) {
	for total > 0 && !d.stopping {
		step := min(total, d.wl.Poll)
		d.rt.Sleep(step)
		total -= step
	}
}

// waitActive waits until the lease is active (true), or it ended, the
// requester gave up on it or the run is stopping (false). The holder
// notifier wakes it in this process; Poll bounds each wait, since a lease
// may be activated by another process's worker.
func (d *driver) waitActive(id allocator.ID) bool {
	holder := d.a.Holder(id)
	var giveUp time.Time
	if d.wl.Abandon > 0 {
		giveUp = d.rt.Now().Add(d.wl.Abandon)
	}
	for {
		seq := holder.Seq()
		l, err := d.a.Store().Lease(id)
		switch {
		case err != nil:
			d.fail("read lease %d: %v", id, err)
		case l.Status == allocator.LeaseActive:
			return true
		case l.Status.Ended():
			d.ended++
			return false
		}
		if d.stopping {
			return false
		}
		if !giveUp.IsZero() && !d.rt.Now().Before(giveUp) {
			d.abandoned = append(d.abandoned, id)
			return false
		}
		holder.Wait(seq, d.wl.Poll)
	}
}

// operate releases or reclaims a random resource now and then while
// faults are on (lost-hosts' operator).
func (d *driver) operate(until func() bool) {
	op := allocator.ActorRef(operatorActor)
	for !d.stopping && !until() {
		d.rt.Sleep(draw(d.rng, d.wl.Operator))
		live := d.a.Store().ResourcesOf(1, allocator.ResourceStatus.Releasable)
		if len(live) == 0 || d.stopping {
			continue
		}
		r := live[d.rng.IntN(len(live))]
		var err error
		if d.rng.IntN(2) == 0 {
			err = d.a.ReleaseResource(r.ID, op)
		} else {
			err = d.a.ReclaimResource(r.ID, op)
		}
		if err != nil {
			d.fail("operator on resource %d: %v", r.ID, err)
		}
	}
}

// draw picks a duration uniformly from a latency range.
func draw(rng *rand.Rand, l hoax.Latency) time.Duration {
	if l.Max <= l.Min {
		return l.Min
	}
	return l.Min + time.Duration(rng.Int64N(int64(l.Max-l.Min)+1))
}
