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
}

// clientsDoneNotifier wakes the conductor when a requester finishes.
const clientsDoneNotifier = "clients.done"

// actor IDs: clients are 1..Clients, second releasers count up from here.
const adminActors = 1_000_000

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
	id, err := d.a.RequestLease(req)
	if err != nil {
		panic(fmt.Sprintf("request lease: %v", err))
	}
	for {
		l, err := d.a.Store().Lease(id)
		if err != nil {
			panic(fmt.Sprintf("read lease %d: %v", id, err))
		}
		if l.Status == allocator.LeaseActive {
			break
		}
		if l.Status.Ended() || d.stop {
			return
		}
		d.w.Sleep(d.wl.Poll)
	}
	d.w.Sleep(d.hold())
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

func (d *driver) hold() time.Duration {
	h := d.wl.Hold
	if h.Max <= h.Min {
		return h.Min
	}
	return h.Min + time.Duration(d.rng.Int64N(int64(h.Max-h.Min)+1))
}

// conduct runs the safety phase, then the liveness phase with faults off,
// then stops everything.
func (d *driver) conduct() {
	d.w.Sleep(d.wl.Safety)
	d.h.SetFaults(false)
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
