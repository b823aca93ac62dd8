package scenarios

import (
	"fmt"

	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/systems/atlantis"
)

// author is a pull request's author: rounds of plan, review, apply, merge,
// commenting again after a rejection, until merged, out of rounds or out
// of commands; a pull not merged is unlocked.
func (r *atlantisRun) author(ps *pullState) {
	name := fmt.Sprintf("pull-%d", ps.num)
	r.w.Sleep(draw(r.rng, hoax.Latency{Max: r.wl.Arrival}))
	for round := 0; round < r.wl.MaxRounds && !ps.merged && r.left > 0; round++ {
		if r.rng.Float64() < r.wl.Push {
			must(r.srv.Push(ps.num)) // a new commit: its clone, and plans, start afresh
			clear(ps.planned)
		}
		if !r.planRound(name, ps) {
			r.w.Sleep(draw(r.rng, r.wl.Retry))
			continue
		}
		r.w.Sleep(draw(r.rng, r.wl.Review))
		if !r.applyRound(name, ps) {
			r.w.Sleep(draw(r.rng, r.wl.Retry))
			continue
		}
		r.busy[name] = "merging"
		must(r.srv.Merge(name, ps.num))
		ps.merged = true
	}
	if !ps.merged {
		r.busy[name] = "unlocking"
		_, err := r.srv.Unlock(name, ps.num)
		must(err)
	}
	r.busy[name] = "done"
	r.pulls--
	r.done.Notify()
}

// planRound comments plan (twice at once, sometimes) for the projects
// without a plan and reports whether every project of the pull has one.
func (r *atlantisRun) planRound(name string, ps *pullState) bool {
	n := 1
	if r.rng.Float64() < r.wl.Echo {
		n = 2
	}
	var cs []*comment
	for range n {
		all := r.rng.Float64() < r.wl.PlanAll
		cs = append(cs, r.comment(ps, false, all))
	}
	r.busy[name] = "waiting for its plans"
	r.await(cs)
	for _, c := range cs {
		for _, j := range c.jobs {
			ps.planned[j.project] = ps.planned[j.project] || j.succeeded
		}
	}
	return every(ps.projects, func(p int) bool { return ps.planned[p] })
}

// applyRound comments apply and reports whether every project applied.
func (r *atlantisRun) applyRound(name string, ps *pullState) bool {
	c := r.comment(ps, true, false)
	r.busy[name] = "waiting for its applies"
	r.await([]*comment{c})
	ok := len(c.jobs) == len(ps.projects)
	for _, j := range c.jobs {
		ok = ok && j.succeeded
		ps.planned[j.project] = ps.planned[j.project] && !j.ran // an apply uses its plan up
	}
	return ok
}

// comment starts a comment's handler: "atlantis plan" runs the builder
// first and plans every project; "plan -p" plans each project without a
// plan; "apply" applies every project; all at once.
func (r *atlantisRun) comment(ps *pullState, apply, all bool) *comment {
	r.seq++
	kind := "plan"
	switch {
	case apply:
		kind = "apply"
	case all:
		kind = "plan-all"
	}
	c := &comment{name: fmt.Sprintf("pull-%d/%s#%d", ps.num, kind, r.seq)}
	c.wake = r.w.NewNotifier(MachineryPrefix + c.name)
	r.w.Go(c.name, func() { r.handle(c, ps, apply, all) })
	return c
}

// handle runs a comment: the builder for "atlantis plan", then its
// project commands on the pool. Plans run side by side (parallel plans);
// applies one after another, as Atlantis applies by default.
func (r *atlantisRun) handle(c *comment, ps *pullState, apply, all bool) {
	if all {
		r.busy[c.name] = fmt.Sprintf("plan-all builder of pull %d", ps.num)
		res, err := r.srv.BuildAll(c.name, ps.num)
		must(err)
		if res.Outcome != atlantis.Succeeded {
			r.finishComment(c)
			return
		}
	}
	var batch []*job
	for _, p := range ps.projects {
		if r.left <= 0 {
			break
		}
		if !apply && !all && ps.planned[p] {
			continue // "plan -p" only for the projects without a plan
		}
		r.left--
		j := &job{apply: apply, pull: ps.num, project: p, actor: fmt.Sprintf("%s/project-%d", c.name, p), c: c}
		c.jobs = append(c.jobs, j)
		if batch = append(batch, j); apply {
			r.runBatch(c, batch)
			batch = nil
		}
	}
	r.runBatch(c, batch)
	r.finishComment(c)
}

// runBatch queues jobs on the pool and waits for them.
func (r *atlantisRun) runBatch(c *comment, batch []*job) {
	if len(batch) == 0 {
		return
	}
	c.left = len(batch)
	r.jobs = append(r.jobs, batch...)
	r.work.Broadcast()
	r.busy[c.name] = "waiting for the pool"
	for c.left > 0 {
		seq := c.wake.Seq()
		if c.left > 0 {
			c.wake.Wait(seq, -1)
		}
	}
}

// finishComment marks a comment done and wakes its author.
func (r *atlantisRun) finishComment(c *comment) {
	c.done = true
	r.busy[c.name] = "done"
	c.wake.Broadcast()
}

// await waits until every comment is done.
func (r *atlantisRun) await(cs []*comment) {
	for _, c := range cs {
		for !c.done {
			seq := c.wake.Seq()
			if !c.done {
				c.wake.Wait(seq, -1)
			}
		}
	}
}

func every(xs []int, ok func(int) bool) bool {
	for _, x := range xs {
		if !ok(x) {
			return false
		}
	}
	return true
}
