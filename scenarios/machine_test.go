package scenarios

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/simtest"
)

// machine is the allocator inside a world that rapid drives one operation
// at a time: each action starts a task, then the world runs for a while
// (RunUntil) and the invariants and a small model are checked.
type machine struct {
	w        *sim.World
	rt       *simrt.Runtime
	a        *allocator.Allocator
	chk      *checker
	leases   []allocator.ID
	asked    int                   // requests started; leases holds those that returned
	ended    map[allocator.ID]bool // leases seen released, broken or destroyed
	ops      []string              // what happened, for the failure report
	actor    allocator.ID
	strategy string
}

func newMachine(t *rapid.T, strategy string) *machine {
	seed := rapid.Uint64().Draw(t, "seed")
	w := sim.New(sim.Config{Seed: seed, EarlyTimers: sim.DefaultEarlyTimers, Trace: true})
	rt := simrt.New(w)
	st, err := allocator.ParseStrategy(strategy)
	require.NoError(t, err)
	a, err := allocator.New(rt, allocator.Config{Strategy: st, Workers: 2, Timings: allocator.Timings{ReclaimIdle: 3 * time.Second}})
	require.NoError(t, err)
	h, err := hoax.New(rt, hostLatencies(hoax.Config{
		Limit: 2, LeasesPerResource: 1, Flavours: []string{"linux", "windows"}, HangFor: 30 * time.Second,
	}))
	require.NoError(t, err)
	a.AddBlueprint("hoax", h)
	m := &machine{w: w, rt: rt, a: a, chk: newChecker(w, storeRows{a.Store()}, h.Config(), ""), ended: map[allocator.ID]bool{}, strategy: strategy}
	a.Store().Observe(m.chk.onCommit)
	a.Start()
	return m
}

// settle lets the world run for d of virtual time.
func (m *machine) settle(t *rapid.T, d time.Duration) {
	if m.w.RunUntil(m.w.Elapsed() + d) {
		t.Fatalf("the world ended: %s\n%s", m.w.Run().Reason(), m.report())
	}
}

// spawn runs fn as a new task and lets the world settle for a second.
func (m *machine) spawn(t *rapid.T, op string, fn func()) {
	m.ops = append(m.ops, fmt.Sprintf("+%v %s", m.w.Elapsed().Round(time.Millisecond), op))
	m.w.Go(op, fn)
	m.settle(t, time.Second)
}

func (m *machine) Request(t *rapid.T) {
	flavour := rapid.SampledFrom([]string{"linux", "windows"}).Draw(t, "flavour")
	m.asked++
	m.spawn(t, "request-"+flavour, func() {
		id, err := m.a.RequestLease(allocator.LeaseRequest{Type: "host", Wants: allocator.Attrs(hoax.AttrFlavour, flavour)})
		if err == nil {
			m.leases = append(m.leases, id)
		}
	})
}

func (m *machine) pickLease(t *rapid.T) allocator.ID {
	if len(m.leases) == 0 {
		t.Skip("no lease yet")
	}
	return rapid.SampledFrom(m.leases).Draw(t, "lease")
}

func (m *machine) Release(t *rapid.T) {
	id := m.pickLease(t)
	m.actor++
	actor := allocator.ActorRef(m.actor)
	m.spawn(t, fmt.Sprintf("release-%d", id), func() { _ = m.a.Release(id, actor) })
}

// DoubleRelease is a requester and an admin releasing one lease at once.
func (m *machine) DoubleRelease(t *rapid.T) {
	id := m.pickLease(t)
	for range 2 {
		m.actor++
		actor := allocator.ActorRef(m.actor)
		m.w.Go(fmt.Sprintf("release-%d-by-%d", id, m.actor), func() { _ = m.a.Release(id, actor) })
	}
	m.spawn(t, fmt.Sprintf("double-release-%d", id), func() {})
}

func (m *machine) Reclaim(t *rapid.T) {
	_, n := m.a.Store().Counts()
	if n == 0 {
		t.Skip("no resource yet")
	}
	id := allocator.ID(rapid.IntRange(1, n).Draw(t, "resource"))
	m.actor++
	actor := allocator.ActorRef(m.actor)
	m.spawn(t, fmt.Sprintf("reclaim-%d", id), func() { _ = m.a.ReclaimResource(id, actor) })
}

func (m *machine) FailNextActivation(t *rapid.T) {
	require.NoError(t, m.rt.EnableFailpoint(hoax.FPActivateResource, `1*return("fail")`))
	m.ops = append(m.ops, "next resource activation fails")
}

func (m *machine) HangNextActivation(t *rapid.T) {
	require.NoError(t, m.rt.EnableFailpoint(hoax.FPActivateResource, `1*return("hang")`))
	m.ops = append(m.ops, "next resource activation hangs 30s")
}

func (m *machine) Advance(t *rapid.T) {
	d := time.Duration(rapid.IntRange(1, 120).Draw(t, "seconds")) * time.Second
	m.ops = append(m.ops, fmt.Sprintf("+%v advance %v", m.w.Elapsed().Round(time.Millisecond), d))
	m.settle(t, d)
}

func (m *machine) AddWorkers(t *rapid.T) {
	n := rapid.IntRange(1, 3).Draw(t, "workers")
	m.ops = append(m.ops, fmt.Sprintf("add %d workers", n))
	m.a.AddWorkers(n)
	m.settle(t, time.Second)
}

// Check: no invariant broken (the liveness-only reclaim-stall aside), every
// request made a lease, and no lease comes back once it has ended.
func (m *machine) Check(t *rapid.T) {
	for _, v := range m.chk.violations {
		t.Fatalf("%s\n%s", v, m.report())
	}
	if n, _ := m.a.Store().Counts(); n < len(m.leases) || n > m.asked {
		t.Fatalf("%d leases requested (%d returned), %d in the store\n%s", m.asked, len(m.leases), n, m.report())
	}
	for l := range m.a.Store().AllLeases() {
		if l.Status.Ended() {
			m.ended[l.ID] = true
		} else if m.ended[l.ID] {
			t.Fatalf("lease %d came back as %s after it had ended\n%s", l.ID, l.Status, m.report())
		}
	}
}

// report is what a failure prints: the operations, then the timeline.
func (m *machine) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "strategy %s; operations:\n  %s\ntimeline:\n", m.strategy, strings.Join(m.ops, "\n  "))
	m.w.Stop("report")
	_ = m.w.Run().Trace.Dump(&b)
	return b.String()
}

func (m *machine) close() {
	m.w.Stop("end of test case")
	m.w.Run()
}

func allocatorMachine(strategy string) func(*rapid.T) {
	return func(t *rapid.T) {
		m := newMachine(t, strategy)
		defer m.close()
		t.Repeat(rapid.StateMachineActions(m))
	}
}

// The allocator keeps every invariant under any sequence of requests,
// releases, double releases, reclaims, failing and hanging activations,
// time and new workers. -rapid.checks raises the count.
func TestRapidAllocatorHoldsOnSlot(t *testing.T) {
	rapid.Check(t, allocatorMachine("slot"))
}

// Pointed at naive, the same machine finds a violation and shrinks it to
// a short sequence of operations.
func TestRapidAllocatorFindsAndShrinksOnNaive(t *testing.T) {
	msg := simtest.ExpectRapidFailure(t, allocatorMachine("naive"))
	require.Regexp(t, `(`+strings.Join(InvariantNames(), "|")+`|came back) `, msg)
	require.Contains(t, msg, "operations:")
	require.Contains(t, msg, "timeline:")
	ops := strings.Count(msg[strings.Index(msg, "operations:"):strings.Index(msg, "timeline:")], "\n  ")
	t.Logf("naive broke after %d shrunk operations:\n%s", ops, msg[:min(len(msg), 2000)])
	require.LessOrEqual(t, ops, 12, "rapid shrinks the sequence")
}
