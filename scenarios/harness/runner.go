package harness

import (
	"context"
	"iter"
	"runtime"
	"sync"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// Job is one run for a Runner: what it is and how to execute it.
type Job struct {
	Identity scenarios.Identity
	Options  Options
}

// Runner runs worlds side by side: at most Parallel at once (0 means
// GOMAXPROCS), one goroutine each, every goroutine keeping its own
// coroutine pool from world to world. Worlds share nothing, so each result
// is the one a lone run would give. It takes jobs from an iterator as it
// has room, so a plan of any size runs in constant memory.
type Runner struct{ Parallel int }

// Workers is how many worlds the runner runs at once.
func (r Runner) Workers() int {
	if r.Parallel > 0 {
		return r.Parallel
	}
	return runtime.GOMAXPROCS(0)
}

// Done receives one finished job, its result (nil if err is set) and the
// error of a job that could not run. Returning false stops the runner from
// taking more jobs; the ones it has already taken still run and are handed
// over, so a caller that stops at a job knows every job fed before it is
// reported (Check relies on that to fold seeds in order).
type Done func(j Job, res *Result, err error) bool

// Run runs every job until jobs is exhausted, done asks it to stop or ctx
// is cancelled, and calls done for each finished job from the calling
// goroutine, in the order they finish. It returns ctx's error if ctx
// ended the run early, nil otherwise. A cancelled ctx also drops the jobs
// taken but not started; a stop asked by done does not.
func (r Runner) Run(ctx context.Context, jobs iter.Seq[Job], done Done) error {
	feedCtx, stopFeeding := context.WithCancel(ctx)
	defer stopFeeding()
	queue := make(chan Job)
	type finished struct {
		job Job
		res *Result
		err error
	}
	results := make(chan finished)
	var wg sync.WaitGroup
	for range r.Workers() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pool := sim.NewPool()
			defer pool.Close()
			for j := range queue {
				if ctx.Err() != nil {
					continue // the caller gave up (an interrupt): not run, not reported
				}
				opts := j.Options
				opts.Pool = pool
				res, err := Run(j.Identity, opts)
				results <- finished{j, res, err}
			}
		}()
	}
	go func() {
		defer close(queue)
		for j := range jobs {
			if feedCtx.Err() != nil {
				return // a select below would pick at random between sending and stopping
			}
			select {
			case queue <- j:
			case <-feedCtx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	for f := range results {
		if !done(f.job, f.res, f.err) {
			stopFeeding()
		}
	}
	return ctx.Err()
}
