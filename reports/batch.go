// drysim:outside-world — runs worlds side by side; nothing here runs inside one.

package reports

import (
	"runtime"
	"sync"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// ParallelBatch runs a check's batches with one goroutine per world, n at
// a time (0: GOMAXPROCS), each slot keeping a coroutine pool from batch to
// batch. Worlds share nothing, so the results are those of running them in
// turn. Close it when the check is done, to end the pooled coroutines.
func ParallelBatch(n int) *Parallel {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	b := &Parallel{pools: make([]*sim.Pool, n)}
	for i := range b.pools {
		b.pools[i] = sim.NewPool()
	}
	return b
}

// Parallel is a scenarios.Batcher that runs a batch's worlds side by side.
type Parallel struct{ pools []*sim.Pool }

var _ scenarios.Batcher = (*Parallel)(nil)

// Size is how many worlds run at once.
func (b *Parallel) Size() int { return len(b.pools) }

// Close ends the coroutines the pools keep.
func (b *Parallel) Close() {
	for _, p := range b.pools {
		p.Close()
	}
}

// Run runs cfgs side by side and returns their results in order.
func (b *Parallel) Run(cfgs []scenarios.RunConfig) ([]*scenarios.Result, error) {
	results := make([]*scenarios.Result, len(cfgs))
	errs := make([]error, len(cfgs))
	var wg sync.WaitGroup
	for i := range cfgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := cfgs[i]
			c.Pool = b.pools[i%len(b.pools)]
			results[i], errs[i] = scenarios.Run(c)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}
