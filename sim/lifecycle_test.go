package sim_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

// endings builds one world per way a run can end. Each leaves tasks parked
// in every kind of wait, some with defers that call back into the kernel.
var endings = []struct {
	name  string
	cfg   sim.Config
	want  sim.Outcome
	build func(w *sim.World)
}{
	{"done", sim.Config{}, sim.Done, func(w *sim.World) {
		m := w.NewMutex("m")
		for range 8 {
			w.Go("t", func() { m.Lock(); w.Yield(); m.Unlock() })
		}
	}},
	{"deadlock", sim.Config{}, sim.Deadlock, func(w *sim.World) {
		a, b := w.NewMutex("A"), w.NewMutex("B")
		w.Go("t1", func() { a.Lock(); defer a.Unlock(); w.Sleep(1); b.Lock() })
		w.Go("t2", func() { b.Lock(); defer b.Unlock(); w.Sleep(1); a.Lock() })
		w.Go("bystander", func() { w.Sleep(time.Hour) })
		ch := sim.NewChan[int](w, "c", 0)
		w.Go("receiver", func() { ch.Recv() })
	}},
	{"step-budget", sim.Config{MaxSteps: 500}, sim.StepBudget, func(w *sim.World) {
		m := w.NewMutex("m")
		w.Go("spinner", func() {
			for {
				m.Lock()
				w.Yield()
				m.Unlock()
			}
		})
		w.Go("waiter", func() { m.Lock(); defer m.Unlock(); w.Sleep(time.Hour) })
	}},
	{"time-budget", sim.Config{MaxTime: time.Minute}, sim.TimeBudget, func(w *sim.World) {
		for range 3 {
			w.Go("poller", func() {
				for {
					w.Sleep(time.Second)
				}
			})
		}
	}},
	{"panic", sim.Config{}, sim.Panic, func(w *sim.World) {
		m := w.NewMutex("m")
		w.Go("holder", func() { m.Lock(); defer m.Unlock(); w.Sleep(time.Hour) })
		w.Go("waiter", func() { w.Sleep(1); m.Lock() })
		w.Go("crasher", func() { w.Sleep(2); panic("boom") })
	}},
}

func TestNoGoroutineOutlivesARun(t *testing.T) {
	for _, tc := range endings {
		t.Run(tc.name, func(t *testing.T) {
			before := runtime.NumGoroutine()
			for seed := uint64(1); seed <= 10; seed++ {
				cfg := tc.cfg
				cfg.Seed = seed
				w := sim.New(cfg)
				tc.build(w)
				res := w.Run()
				require.Equal(t, tc.want, res.Outcome, "seed %d: %s", seed, res.Reason())
			}
			// A leak shows as more goroutines than before; fewer is some
			// unrelated goroutine of the test binary finishing meanwhile.
			require.LessOrEqual(t, settledGoroutines(before), before)
		})
	}
}

// settledGoroutines gives exiting goroutines a moment to be counted out.
func settledGoroutines(want int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 1000 && n > want; i++ {
		runtime.Gosched()
		n = runtime.NumGoroutine()
	}
	return n
}

func TestTaskPanicIsAFindingWithStack(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	w.Go("calm", func() { w.Sleep(time.Hour) })
	w.Go("crasher", func() { w.Sleep(time.Second); panicInTask() })
	res := w.Run()
	require.Equal(t, sim.Panic, res.Outcome)
	require.Equal(t, "crasher#1", res.Panic.Task)
	require.Equal(t, "deliberate", res.Panic.Value)
	require.Contains(t, res.Panic.Stack, "panicInTask")
	require.Equal(t, time.Second, res.Elapsed)
	require.ErrorIs(t, res.Err(), sim.ErrRun)
}

func panicInTask() { panic("deliberate") }

func TestPrimitivesOutsideATaskPanicWithAClearMessage(t *testing.T) {
	w := sim.New(sim.Config{})
	m := w.NewMutex("m")
	require.PanicsWithValue(t, "sim: lock called outside a task (call it from a function passed to World.Go)", m.Lock)
}

func TestBadConfigIsRejected(t *testing.T) {
	tests := []struct {
		cfg  sim.Config
		want string
	}{
		{sim.Config{MaxSteps: -1}, "MaxSteps -1 is negative"},
		{sim.Config{MaxTime: -time.Second}, "MaxTime -1s is negative"},
		{sim.Config{EarlyTimers: 2}, "EarlyTimers 2 is not a probability"},
		{sim.Config{Scheduler: sim.PCT{Depth: -1}}, "negative field"},
	}
	for _, tc := range tests {
		require.ErrorContains(t, tc.cfg.Validate(), tc.want)
	}
	require.NoError(t, sim.Config{}.Validate())
}

func TestParseScheduler(t *testing.T) {
	tests := []struct {
		in      string
		want    sim.Scheduler
		wantErr string
	}{
		{"random", sim.Random{}, ""},
		{"pct", sim.PCT{Depth: 3}, ""},
		{"pct:2", sim.PCT{Depth: 2}, ""},
		{"pct:3:500", sim.PCT{Depth: 3, Horizon: 500}, ""},
		{"pct:0", nil, "depth must be a whole number from 1 to 64"},
		{"pct:2:x", nil, "horizon must be a whole number"},
		{"dfs", nil, "valid: random, pct"},
	}
	for _, tc := range tests {
		got, err := sim.ParseScheduler(tc.in)
		if tc.wantErr != "" {
			require.ErrorContains(t, err, tc.wantErr, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, got)
		again, err := sim.ParseScheduler(got.String())
		require.NoError(t, err, "String reads back")
		require.Equal(t, got, again, "String and ParseScheduler round-trip")
	}
}

func TestSchedulerSpecAndOutcomeReadBackAsText(t *testing.T) {
	var spec sim.SchedulerSpec
	require.Equal(t, "random", spec.String(), "the zero spec is random")
	require.NoError(t, spec.UnmarshalText([]byte("pct:2:900")))
	text, err := spec.MarshalText()
	require.NoError(t, err)
	require.Equal(t, "pct:2:900", string(text))
	require.ErrorContains(t, spec.UnmarshalText([]byte("dfs")), "valid: random, pct")
	for o := sim.Done; o <= sim.Stopped; o++ {
		text, err := o.MarshalText()
		require.NoError(t, err)
		var back sim.Outcome
		require.NoError(t, back.UnmarshalText(text))
		require.Equal(t, o, back)
	}
	var o sim.Outcome
	require.ErrorContains(t, o.UnmarshalText([]byte("fine")), "valid: done, deadlock")
}

func TestASharedPoolChangesNothingButReuse(t *testing.T) {
	before := runtime.NumGoroutine()
	pool := sim.NewPool()
	for seed := uint64(1); seed <= 5; seed++ {
		cfg := sim.Config{Seed: seed, EarlyTimers: sim.DefaultEarlyTimers}
		alone := runBusy(t, cfg)
		cfg.Pool = pool
		pooled := runBusy(t, cfg)
		require.Equal(t, alone.HashString(), pooled.HashString(), "seed %d", seed)
		require.Positive(t, pool.Idle(), "the world's coroutines are parked in the pool again")
	}
	for _, tc := range endings { // every way a run can end leaves the pool whole
		cfg := tc.cfg
		cfg.Seed, cfg.Pool = 3, pool
		w := sim.New(cfg)
		tc.build(w)
		require.Equal(t, tc.want, w.Run().Outcome, tc.name)
	}
	idle := pool.Idle()
	require.Greater(t, settledGoroutines(before+idle), before, "parked coroutines are goroutines until closed")
	pool.Close()
	require.Zero(t, pool.Idle())
	require.LessOrEqual(t, settledGoroutines(before), before, "Close ends them all")
}
