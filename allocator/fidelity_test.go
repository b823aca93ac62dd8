package allocator_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

// These tests pin the places where the model follows Drydock's PHP rather
// than a simpler design (docs/drydock.md quotes the code).

// smallWorld is an allocator with one hoax blueprint (wrapped by wrap, if
// set) and requesters that each take one lease and hold it for a second.
type smallWorld struct {
	w     *sim.World
	a     *allocator.Allocator
	h     *hoax.Hoax
	store *allocator.Store
}

func newSmallWorld(t *testing.T, seed uint64, strategy string, workers int, cfg hoax.Config, wrap func(*hoax.Hoax) allocator.BlueprintImpl) *smallWorld {
	t.Helper()
	w := sim.New(sim.Config{Seed: seed, EarlyTimers: sim.DefaultEarlyTimers, Trace: true})
	rt := simrt.New(w)
	st, err := allocator.ParseStrategy(strategy)
	require.NoError(t, err)
	a, err := allocator.New(rt, allocator.Config{Strategy: st, Workers: workers})
	require.NoError(t, err)
	h, err := hoax.New(rt, cfg)
	require.NoError(t, err)
	var impl allocator.BlueprintImpl = h
	if wrap != nil {
		impl = wrap(h)
	}
	a.AddBlueprint("hoax", impl)
	a.Start()
	return &smallWorld{w: w, a: a, h: h, store: a.Store()}
}

// request starts n requesters; each waits for its lease and releases it
// after hold. It stops the allocator when they are done.
func (s *smallWorld) request(t *testing.T, n int, hold time.Duration) {
	left := n
	for i := range n {
		s.w.Go("client", func() {
			defer func() {
				if left--; left == 0 {
					s.a.Stop()
				}
			}()
			id, err := s.a.RequestLease(allocator.LeaseRequest{Type: s.h.Type()})
			require.NoError(t, err)
			for {
				l, _ := s.store.Lease(id)
				if l.Status == allocator.LeaseActive {
					break
				}
				s.w.Sleep(time.Second)
			}
			s.w.Sleep(hold)
			require.NoError(t, s.a.Release(id, allocator.ActorRef(allocator.ID(i+1))))
		})
	}
}

// An Almanac-style host lease goes from pending straight to active inside
// acquireOnResource, under the resource lock: it is never acquired, and
// the step that links it runs while its task holds drydock.resource:<id>.
func TestAlmanacLeaseActivatesUnderTheResourceLock(t *testing.T) {
	res, err := harness.Run(scenarios.Identity{Scenario: "release-race", Strategy: "slot", Seed: 3}, harness.Options{Trace: true})
	require.NoError(t, err)
	links := 0
	for _, e := range res.Store.AuditLog() {
		if e.Kind == allocator.AuditLeaseStatus {
			require.NotEqual(t, allocator.LeaseAcquired, allocator.LeaseStatus(e.To), "lease %d was acquired", e.Lease)
		}
		if e.Kind == allocator.AuditLink {
			links++
		}
	}
	require.Positive(t, links)
	tr := res.Sim.Trace
	holds := tr.LockHolds()
	checked := 0
	for ev := range tr.All() {
		if ev.Kind != sim.KindPoint || tr.ObjName(ev.Obj) != "lease.acquire" {
			continue
		}
		checked++
		held := false
		for _, h := range holds {
			held = held || (h.Task == ev.Task && strings.HasPrefix(h.Lock, "drydock.resource:") && h.From < ev.Step && ev.Step < h.To)
		}
		require.True(t, held, "step %d links a lease without holding a resource lock", ev.Step)
	}
	require.GreaterOrEqual(t, checked, links, "every link was checked (a failed link attempt is a point too)")
}

// recheckRefuser wraps a blueprint so that, once its acquireLease has run
// for a lease, its coarse filter refuses that lease: only a re-check after
// acquireLease could notice.
type recheckRefuser struct {
	*hoax.Hoax
	acquiring map[allocator.ID]bool
}

func (r *recheckRefuser) AcquireLease(v *allocator.View, res allocator.Resource, l allocator.Lease) (allocator.LeaseSpec, error) {
	r.acquiring[l.ID] = true
	return r.Hoax.AcquireLease(v, res, l)
}

func (r *recheckRefuser) CanAcquireLease(v *allocator.View, res allocator.Resource, l allocator.Lease) bool {
	return !r.acquiring[l.ID] && r.Hoax.CanAcquireLease(v, res, l)
}

// Under the resource lock acquireOnResource reloads the resource and
// checks its status only; it does not run the blueprint's filter again.
func TestAcquireChecksOnlyTheReloadedStatus(t *testing.T) {
	s := newSmallWorld(t, 1, "slot", 2, hoax.Config{Limit: 2, LeasesPerResource: 2}, func(h *hoax.Hoax) allocator.BlueprintImpl {
		return &recheckRefuser{Hoax: h, acquiring: map[allocator.ID]bool{}}
	})
	s.request(t, 3, time.Second)
	res := s.w.Run()
	require.Equal(t, sim.Done, res.Outcome, res.Reason())
	for l := range s.store.AllLeases() {
		require.False(t, l.Activated.IsZero(), "lease %d never became active", l.ID)
	}
}

// A release frees its slot locks in a statement of its own, before the
// save that marks the object destroyed.
func TestSlotLocksAreFreedBeforeTheDestroyedSave(t *testing.T) {
	res, err := harness.Run(scenarios.Identity{Scenario: "lost-hosts", Strategy: "slot", Seed: 1}, harness.Options{})
	require.NoError(t, err)
	freed := map[allocator.Ref]int{} // audit index of each owner's slot release
	destroyed := 0
	for i, e := range res.Store.AuditLog() {
		switch {
		case e.Kind == allocator.AuditSlotRelease:
			freed[e.Owner] = i
		case e.Kind == allocator.AuditResourceStatus && allocator.ResourceStatus(e.To) == allocator.ResourceDestroyed:
			at, ok := freed[allocator.ResourceRef(e.Resource)]
			require.True(t, ok && at < i, "resource %d saved destroyed before its slot locks were freed", e.Resource)
			require.Less(t, e.Time.Sub(res.Store.AuditLog()[at].Time), time.Minute)
			destroyed++
		}
	}
	require.Positive(t, destroyed)
}

// A release command that arrives while the lease is activating (its worker
// holds the lease lock, so the update the command schedules fails its 1 s
// lock wait and retries 300 s later) is run at once by didActivate.
func TestDidActivateRunsCommandsThatCameDuringActivation(t *testing.T) {
	cfg := hoax.Config{Limit: 1, ActivateLeaseLatency: hoax.Fixed(20 * time.Second)}
	s := newSmallWorld(t, 1, "slot", 4, cfg, nil)
	var asked time.Time
	s.w.Go("client", func() {
		id, err := s.a.RequestLease(allocator.LeaseRequest{Type: s.h.Type()})
		require.NoError(t, err)
		for {
			l, _ := s.store.Lease(id)
			if l.Status == allocator.LeaseAcquired {
				break
			}
			s.w.Sleep(100 * time.Millisecond)
		}
		s.w.Sleep(2 * time.Second) // the lease worker is inside activation now
		asked = s.w.Now()
		require.NoError(t, s.a.Release(id, allocator.ActorRef(1)))
		for {
			l, _ := s.store.Lease(id)
			if l.Status == allocator.LeaseDestroyed {
				require.Less(t, s.w.Now().Sub(asked), time.Minute, "released by didActivate's reschedule, not the 300 s retry")
				s.a.Stop()
				return
			}
			s.w.Sleep(time.Second)
		}
	})
	res := s.w.Run()
	require.Equal(t, sim.Done, res.Outcome, res.Reason())
	require.False(t, asked.IsZero())
}

// Before D21807 the pool's growth was throttled (D14236): with one worker,
// so that no two coarse checks race, resources in flight never exceed
// max(1, ceil(25% of the active ones)).
func TestTheGrowthThrottleComesBackWithoutYieldForPending(t *testing.T) {
	cfg := hoax.Config{Limit: 40, ActivateLatency: hoax.Latency{Min: 20 * time.Second, Max: time.Minute}}
	s := newSmallWorld(t, 2, "slot-without=yield-for-pending", 1, cfg, nil)
	worst := 0
	s.store.Observe(func(allocator.Commit) {
		pending, active := 0, 0
		for r := range s.store.AllResources() {
			switch r.Status {
			case allocator.ResourcePending:
				pending++
			case allocator.ResourceActive:
				active++
			}
		}
		require.LessOrEqual(t, pending, max(1, (active+3)/4), "%d in flight with %d active", pending, active)
		worst = max(worst, pending)
	})
	s.request(t, 20, 30*time.Second)
	res := s.w.Run()
	require.Equal(t, sim.Done, res.Outcome, res.Reason())
	require.GreaterOrEqual(t, worst, 1)
}

// Every idle active resource of an allowed blueprint is reclaimable, with
// no blueprint knob to say otherwise: a pool of one host built for linux
// is reclaimed for a lease that wants windows, once it has been idle.
func TestAnyIdleResourceIsReclaimable(t *testing.T) {
	s := newSmallWorld(t, 1, "slot", 2, hoax.Config{Limit: 1}, nil)
	var ids []allocator.ID
	s.w.Go("client", func() {
		for _, flavour := range []string{"linux", "windows"} {
			id, err := s.a.RequestLease(allocator.LeaseRequest{Type: s.h.Type(), Wants: allocator.Attrs(hoax.AttrFlavour, flavour)})
			require.NoError(t, err)
			ids = append(ids, id)
			for l, _ := s.store.Lease(id); l.Status != allocator.LeaseActive; l, _ = s.store.Lease(id) {
				s.w.Sleep(5 * time.Second)
			}
			require.NoError(t, s.a.Release(id, allocator.ActorRef(1)))
		}
		s.a.Stop()
	})
	res := s.w.Run()
	require.Equal(t, sim.Done, res.Outcome, res.Reason())
	reclaims := 0
	for c := range s.store.AllCommands() {
		if c.Kind == allocator.CommandReclaim {
			reclaims++
		}
	}
	require.Equal(t, 1, reclaims, "the linux host was reclaimed for the windows lease")
	require.Len(t, ids, 2)
}

// A lease that activates as it is acquired gets didActivate with or
// without D19080's resource lock (pre-D19080 acquireOnResource calls it
// too): its expiry is scheduled and its holder woken, so a requester that
// looks only every ten minutes still sees its lease end at its expiry.
func TestActivateOnAcquireSchedulesTheExpiryWithoutTheResourceLock(t *testing.T) {
	for _, strategy := range []string{"slot", "global", "naive", "slot-without=resource-lock-on-acquire"} {
		t.Run(strategy, func(t *testing.T) {
			id := scenarios.Identity{Scenario: "release-race", Strategy: strategy, Seed: 1, Workers: 2, Leases: 2, Clients: 2, Limit: 1,
				Poll: 10 * time.Minute, NoScenarioFailpoints: true}
			res, err := harness.Run(id, harness.Options{})
			require.NoError(t, err)
			until := map[allocator.ID]time.Time{}
			for l := range res.Store.AllLeases() {
				require.False(t, l.Until.IsZero(), "release-race's leases expire")
				until[l.ID] = l.Until
			}
			ended := 0
			for _, e := range res.Store.AuditLog() {
				if e.Kind == allocator.AuditLeaseStatus && allocator.LeaseStatus(e.To) == allocator.LeaseReleased {
					late := e.Time.Sub(until[e.Lease])
					require.Less(t, late, time.Minute, "lease %d released %v after its expiry: when its requester looked (every 10 minutes), not at its expiry", e.Lease, late)
					ended++
				}
			}
			require.Equal(t, 2, ended)
			for _, v := range res.Violations {
				require.NotEqual(t, scenarios.InvLeaseExpiry, v.Invariant, v.String())
			}
		})
	}
}
