package scenarios

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
)

// driver runs a scenario's workload inside the world: requester tasks
// ("clients") and a conductor that ends the safety phase, enforces the
// liveness budget and stops the allocator.
type driver struct {
	w     *sim.World
	a     *allocator.Allocator
	h     *hoax.Hoax
	chk   *checker
	wl    Workload
	rng   *rand.Rand
	done  *sim.Notifier
	left  int // clients still running
	stop  bool
	admin allocator.ID // next actor ID for second releasers

	livenessStart time.Duration
	drained       bool
	safetyOver    bool
}

// clientsDoneNotifier wakes the conductor when a requester finishes.
const clientsDoneNotifier = "clients.done"

// actor IDs: clients are 1..Clients, second releasers count up from here,
// and the operator has one of its own.
const (
	adminActors   = 1_000_000
	operatorActor = 999_999
)

func newDriver(w *sim.World, a *allocator.Allocator, h *hoax.Hoax, chk *checker, wl Workload) *driver {
	return &driver{w: w, a: a, h: h, chk: chk, wl: wl, rng: w.Rand("workload"), done: w.NewNotifier(clientsDoneNotifier), admin: adminActors}
}

func (d *driver) start() {
	clients := min(d.wl.Clients, d.wl.Leases)
	d.left = clients
	for i := range clients {
		share := d.wl.Leases / clients
		if i < d.wl.Leases%clients {
			share++
		}
		d.w.Go(fmt.Sprintf("client-%02d", i), func() { d.client(allocator.ID(i+1), share) })
	}
	d.w.Go("conductor", d.conduct)
	// The schedule's own faults (swarm's) end with the safety phase, by
	// the clock: the conductor may be the task they starve.
	d.w.CalmAt(d.w.Elapsed() + d.wl.Safety)
	if d.wl.Operator.Max > 0 {
		d.w.Go("operator", d.operate)
	}
}

// operate releases or reclaims a random resource now and then, until the
// safety phase ends.
func (d *driver) operate() {
	operator := allocator.ActorRef(operatorActor)
	for {
		d.w.Sleep(draw(d.rng, d.wl.Operator))
		if d.safetyOver || d.stop {
			return
		}
		live := d.a.Store().ResourcesOf(1, allocator.ResourceStatus.Releasable)
		if len(live) == 0 {
			continue
		}
		r := live[d.rng.IntN(len(live))]
		var err error
		if d.rng.IntN(2) == 0 {
			err = d.a.ReleaseResource(r.ID, operator)
		} else {
			err = d.a.ReclaimResource(r.ID, operator)
		}
		if err != nil {
			panic(fmt.Sprintf("operator on resource %d: %v", r.ID, err))
		}
	}
}

func (d *driver) client(actor allocator.ID, share int) {
	defer func() { d.left--; d.done.Notify() }()
	if d.wl.Arrival > 0 {
		d.w.Sleep(time.Duration(d.rng.Int64N(int64(d.wl.Arrival))))
	}
	for range share {
		if d.stop {
			return
		}
		d.useLease(actor)
	}
}

// useLease requests one lease, waits for it, holds it and releases it.
func (d *driver) useLease(actor allocator.ID) {
	req := allocator.LeaseRequest{Type: d.h.Type()}
	if len(d.wl.Flavours) > 0 {
		req.Wants = allocator.Attrs(hoax.AttrFlavour, d.wl.Flavours[d.rng.IntN(len(d.wl.Flavours))])
	}
	if d.wl.Expire.Max > 0 {
		req.Until = d.w.Now().Add(draw(d.rng, d.wl.Expire))
	}
	id, err := d.a.RequestLease(req)
	if err != nil {
		panic(fmt.Sprintf("request lease: %v", err))
	}
	if !d.waitActive(id, actor) {
		return
	}
	d.w.Sleep(draw(d.rng, d.wl.Hold))
	if d.wl.DoubleRelease {
		d.admin++
		admin := allocator.ActorRef(d.admin)
		d.w.Go(fmt.Sprintf("admin-%d", id), func() { d.release(id, admin) })
	}
	d.release(id, allocator.ActorRef(actor))
}

func (d *driver) release(id allocator.ID, actor allocator.Ref) {
	if err := d.a.Release(id, actor); err != nil {
		panic(fmt.Sprintf("release lease %d: %v", id, err))
	}
}

// waitActive waits until the lease is active (true), or ends, the run
// stops or the requester gives up on it (false). The allocator wakes the
// holder when the lease activates or ends (awakenTasks); Poll bounds each
// wait all the same.
func (d *driver) waitActive(id, actor allocator.ID) bool {
	holder := d.a.Holder(id)
	var giveUp time.Duration
	if d.wl.Abandon > 0 {
		giveUp = d.w.Elapsed() + d.wl.Abandon
	}
	for {
		seq := holder.Seq()
		l, err := d.a.Store().Lease(id)
		if err != nil {
			panic(fmt.Sprintf("read lease %d: %v", id, err))
		}
		switch {
		case l.Status == allocator.LeaseActive:
			return true
		case l.Status.Ended() || d.stop:
			return false
		case giveUp > 0 && d.w.Elapsed() >= giveUp:
			d.chk.abandoned[id] = true
			d.release(id, allocator.ActorRef(actor))
			return false
		}
		wait := d.wl.Poll
		if giveUp > 0 {
			wait = min(wait, giveUp-d.w.Elapsed())
		}
		holder.Wait(seq, wait)
	}
}

// draw picks a duration uniformly from a latency range.
func draw(rng *rand.Rand, l hoax.Latency) time.Duration {
	if l.Max <= l.Min {
		return l.Min
	}
	return l.Min + time.Duration(rng.Int64N(int64(l.Max-l.Min)+1))
}

// conduct runs the safety phase, then the liveness phase with faults off,
// then stops everything.
func (d *driver) conduct() {
	d.w.Sleep(d.wl.Safety)
	d.h.SetFaults(false)
	d.safetyOver = true
	d.livenessStart = d.w.Elapsed()
	deadline := d.livenessStart + d.wl.Liveness
	if d.waitClients(deadline) && d.waitDrain(deadline) {
		d.drained = true
	}
	d.stop = true
	d.a.Stop()
}

func (d *driver) waitClients(deadline time.Duration) bool {
	for {
		seq := d.done.Seq()
		if d.left == 0 {
			return true
		}
		if d.w.Elapsed() >= deadline {
			d.chk.checkDeadline(liveness{budget: d.wl.Liveness, clientsLeft: d.left})
			return false
		}
		d.done.Wait(seq, deadline-d.w.Elapsed())
	}
}

func (d *driver) waitDrain(deadline time.Duration) bool {
	for d.a.OpenTasks() > 0 {
		if d.w.Elapsed() >= deadline {
			d.chk.checkDeadline(liveness{budget: d.wl.Liveness, clientsDone: true, openTasks: d.a.OpenTasks()})
			return false
		}
		d.w.Sleep(d.wl.Poll)
	}
	return true
}
