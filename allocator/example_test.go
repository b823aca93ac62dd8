package allocator_test

import (
	"fmt"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
)

// One lease on a hoax host, inside a simulated world: the lease is
// requested, a host is built and set up (10 s), the lease's yielded task is
// woken when the host activates, the lease is linked and activated, and its
// release runs the release hook once.
func Example() {
	w := sim.New(sim.Config{Seed: 1})
	rt := simrt.New(w)
	slot, _ := allocator.ParseStrategy("slot")
	a, _ := allocator.New(rt, allocator.Config{Strategy: slot, Workers: 4})
	h, _ := hoax.New(rt, hoax.Config{Limit: 2, ActivateLatency: hoax.Fixed(10 * time.Second)})
	a.AddBlueprint("hoax", h)
	a.Start()
	w.Go("requester", func() {
		id, _ := a.RequestLease(allocator.LeaseRequest{Type: "host"})
		for {
			if l, _ := a.Store().Lease(id); l.Status == allocator.LeaseActive {
				fmt.Printf("lease %d active on resource %d after %v\n", id, l.Resource, w.Elapsed().Round(time.Second))
				break
			}
			w.Sleep(time.Second)
		}
		_ = a.Release(id, allocator.ActorRef(1))
		w.Sleep(time.Minute)
		l, _ := a.Store().Lease(id)
		fmt.Printf("lease %d %s, release hooks run: %d\n", id, l.Status, h.Counts().ReleaseHooks[id])
		a.Stop()
	})
	fmt.Println(w.Run().Outcome)
	// Output:
	// lease 1 active on resource 1 after 10s
	// lease 1 destroyed, release hooks run: 1
	// done
}
