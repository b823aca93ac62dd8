package sim

import "iter"

// Pool keeps the coroutines of finished tasks, stacks already grown, to run
// later tasks of the same world or of the next one. Starting a task on a
// fresh coroutine means growing its stack again as the task's calls get
// deeper, which measured a quarter of a scenario run's CPU time.
//
// A pool serves one world at a time: a sweep gives each of its goroutines a
// pool and runs its worlds through it one after another. Close ends the
// pool's coroutines. A world made without a pool uses a private one and
// closes it when Run returns, so no goroutine outlives the run.
type Pool struct {
	idle []*coro
}

// NewPool makes an empty pool.
func NewPool() *Pool { return &Pool{} }

// Close ends every coroutine the pool holds. The pool stays usable.
func (p *Pool) Close() {
	for _, c := range p.idle {
		c.stop()
	}
	clear(p.idle)
	p.idle = p.idle[:0]
}

// Idle returns how many coroutines wait in the pool.
func (p *Pool) Idle() int { return len(p.idle) }

func (p *Pool) get() *coro {
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle[n-1] = nil
		p.idle = p.idle[:n-1]
		return c
	}
	c := &coro{}
	c.resume, c.stop = iter.Pull(c.body)
	return c
}

func (p *Pool) put(c *coro) { p.idle = append(p.idle, c) }

// coro is a coroutine that runs one task after another: between tasks it
// waits in a pool, parked at its yield.
type coro struct {
	resume func() (struct{}, bool)
	stop   func()
	yield  func(struct{}) bool
	task   *Task // the task it runs now
}

func (c *coro) body(yield func(struct{}) bool) {
	c.yield = yield
	for {
		c.task.run()
		c.task = nil
		if !yield(struct{}{}) { // parked until the pool hands it a task, or closes
			return
		}
	}
}
