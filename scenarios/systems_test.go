package scenarios

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

// runOwn runs a scenario value (not necessarily one of All) under id.
func runOwn(t *testing.T, s *Scenario, id Identity) (Findings, *sim.Result) {
	t.Helper()
	p := &Prepared{Identity: id.Normalized(), Scenario: s, failpoints: s.Failpoints}
	require.NoError(t, s.System().prepare(p))
	w := sim.New(sim.Config{Seed: id.Seed, Scheduler: p.Scheduler(), MaxTime: p.MaxTime(), EarlyTimers: sim.DefaultEarlyTimers})
	exp, err := p.Start(w, "")
	require.NoError(t, err)
	res := w.Run()
	return exp.Finish(res), res
}

func invariantsOf(vs []Violation) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Invariant)
	}
	return out
}

// The liveness invariants of the other systems report work left when the
// budget runs out, naming who is still busy.
func TestLivenessInvariants(t *testing.T) {
	a := atlantisDirCollision()
	a.system = atlantisSystem()
	wl := a.Config.(AtlantisWorkload)
	wl.Liveness = 5 * time.Minute
	a.Config = wl
	f, _ := runOwn(t, a, Identity{Scenario: a.Name, Strategy: "fail-fast", Seed: 1})
	require.Contains(t, invariantsOf(f.Violations), InvCommandsFinish)

	l := layersStaleRead()
	l.system = layerStoreSystem()
	lw := l.Config.(LayerWorkload)
	lw.Liveness = 10 * time.Millisecond
	l.Config = lw
	f, _ = runOwn(t, l, Identity{Scenario: l.Name, Strategy: "go", Seed: 1})
	require.Contains(t, invariantsOf(f.Violations), InvOperationsFinish)
	require.Contains(t, f.Violations[0].Detail, "workers still busy")
}

// The other systems fill the metrics the report draws.
func TestSystemMetrics(t *testing.T) {
	byName := func(name string) *Scenario { s, err := ByName(name); require.NoError(t, err); return s }
	failFast, _ := runOwn(t, byName("atlantis-dir-collision"), Identity{Scenario: "atlantis-dir-collision", Strategy: "fail-fast", Seed: 1})
	queue, _ := runOwn(t, byName("atlantis-dir-collision"), Identity{Scenario: "atlantis-dir-collision", Strategy: "queue", Seed: 1})
	poll, _ := runOwn(t, byName("atlantis-dir-collision"), Identity{Scenario: "atlantis-dir-collision", Strategy: "poll-retry", Seed: 1})
	require.Empty(t, failFast.Violations)
	m := failFast.Metrics
	require.Positive(t, m.Operations)
	require.Positive(t, m.Rejected, "fail-fast rejects commands that find the workspace busy")
	require.Zero(t, m.LockWaitMax, "fail-fast never waits")
	require.Positive(t, queue.Metrics.LockWaitP99, "a queue waits")
	require.Positive(t, poll.Metrics.Retries, "poll-retry polls")
	require.InDelta(t, float64(m.Rejected)/float64(m.Operations), m.RejectedShare(), 1e-9)

	layers, _ := runOwn(t, byName("layers-writer-starvation"), Identity{Scenario: "layers-writer-starvation", Strategy: "reader-preferring", Seed: 1})
	require.Positive(t, layers.Metrics.Operations)
	require.Positive(t, layers.Metrics.WriterWaitMax)
	require.Contains(t, byName("layers-writer-starvation").Config.(LayerWorkload).ReaderShares, layers.Metrics.ReaderShare)
}

// A deadlock becomes a no-deadlock violation naming each task on the
// cycle, what it was doing and the locks.
func TestDeadlockIsAViolation(t *testing.T) {
	s, err := ByName("layers-abba")
	require.NoError(t, err)
	f, res := runOwn(t, s, Identity{Scenario: s.Name, Strategy: "go-without=global-lock-order", Seed: 1, Workers: 2})
	require.Equal(t, sim.Deadlock, res.Outcome, "the cycle ends the run where it closes (DeadlockOnCycle)")
	require.Equal(t, []string{InvNoDeadlock}, invariantsOf(f.Violations))
	v := f.Violations[0]
	require.ElementsMatch(t, []string{"worker-01", "worker-02", "layer-1", "layer-2"}, v.Names)
	require.Contains(t, v.Detail, "copy layer-1 -> layer-2")
	require.Contains(t, v.Detail, "copy layer-2 -> layer-1")
}
