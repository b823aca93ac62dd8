package scenarios

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/atlantis"
)

// atlantisRun is an Atlantis scenario inside a world: pull requests
// commenting, a pool of workers running project commands, a conductor
// enforcing the liveness budget, and the checker.
type atlantisRun struct {
	w     *sim.World
	wl    AtlantisWorkload
	srv   *atlantis.Server
	chk   *atlantisChecker
	rng   *rand.Rand
	left  int // project commands not yet queued
	jobs  []*job
	work  *sim.Notifier // wakes idle workers
	stop  bool
	busy  map[string]string // each task's current operation, for the deadlock report
	pulls int               // pull requests not yet done
	done  *sim.Notifier
	seq   int // comments made
}

// job is one project command on the pool.
type job struct {
	apply          bool
	pull, project  int
	actor          string
	c              *comment
	res            atlantis.Result
	ran, succeeded bool
}

// comment is one comment's project commands, and who waits for them.
type comment struct {
	name string
	left int // jobs of the current batch still on the pool
	done bool
	wake *sim.Notifier
	jobs []*job
}

// pullState is what a pull request's author knows.
type pullState struct {
	num      int
	projects []int
	planned  []bool // per project of the repository: planned since the last apply
	merged   bool
}

func newAtlantisRun(w *sim.World, wl AtlantisWorkload, stopOn string) *atlantisRun {
	return &atlantisRun{w: w, wl: wl, rng: w.Rand("workload"), left: wl.Commands, busy: map[string]string{},
		work: w.NewNotifier(MachineryPrefix + "pool"), done: w.NewNotifier(MachineryPrefix + "pulls.done"),
		chk: &atlantisChecker{violations: newViolations(w, stopOn), inside: map[string]string{}, owners: map[int][]int{}}}
}

// took draws how long a piece of work takes.
func (r *atlantisRun) took(work string) time.Duration {
	switch work {
	case "clone":
		return draw(r.rng, r.wl.Clone)
	case "plan":
		return draw(r.rng, r.wl.Plan)
	case "apply":
		return draw(r.rng, r.wl.Apply)
	}
	return 0
}

// start opens the pull requests and starts the pool, the authors and the
// conductor.
func (r *atlantisRun) start(workers int) error {
	for i := range workers {
		name := fmt.Sprintf("worker-%02d", i+1)
		r.w.Go(name, func() { r.worker(name) })
	}
	r.pulls = r.wl.Pulls
	for range r.wl.Pulls {
		ps, err := r.openPull()
		if err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
		r.w.Go(fmt.Sprintf("pull-%d", ps.num), func() { r.author(ps) })
	}
	r.w.Go("conductor", r.conduct)
	return nil
}

// openPull opens a pull request changing 1 to ProjectsPerPull projects.
func (r *atlantisRun) openPull() (*pullState, error) {
	n := 1 + r.rng.IntN(r.wl.ProjectsPerPull)
	projects := r.rng.Perm(r.wl.Projects)[:n]
	slices.Sort(projects)
	num, err := r.srv.OpenPull(projects)
	return &pullState{num: num, projects: projects, planned: make([]bool, r.wl.Projects)}, err
}

// worker runs project commands until the run stops.
func (r *atlantisRun) worker(name string) {
	for {
		seq := r.work.Seq()
		if len(r.jobs) == 0 {
			if r.stop {
				return
			}
			r.work.Wait(seq, -1)
			continue
		}
		j := r.jobs[0]
		r.jobs = r.jobs[1:]
		r.busy[name] = j.describe()
		r.run(j)
		r.busy[name] = "idle"
		j.c.left--
		j.c.wake.Broadcast() // its handler and, once done, its author

	}
}

func (j *job) describe() string {
	what := "plan"
	if j.apply {
		what = "apply"
	}
	return fmt.Sprintf("%s of pull %d project %d for %s", what, j.pull, j.project, j.c.name)
}

func (r *atlantisRun) run(j *job) {
	var err error
	if j.apply {
		j.res, err = r.srv.Apply(j.actor, j.pull, j.project)
	} else {
		j.res, err = r.srv.Plan(j.actor, j.pull, j.project)
	}
	must(err)
	j.ran, j.succeeded = true, j.res.Outcome == atlantis.Succeeded
}

// conduct waits for the pull requests within the liveness budget, then
// lets the pool go.
func (r *atlantisRun) conduct() {
	deadline := r.wl.Liveness
	for r.pulls > 0 {
		seq := r.done.Seq()
		if r.w.Elapsed() >= deadline {
			r.chk.report(InvCommandsFinish, fmt.Sprintf("%d pull requests not done after %v: %s", r.pulls, deadline, r.busyList()))
			break
		}
		r.done.Wait(seq, deadline-r.w.Elapsed())
	}
	r.stop = true
	r.work.Broadcast()
}

// doing says what a task was doing, for a deadlock report.
func (r *atlantisRun) doing(task string) string { return cmpOrString(r.busy[task], "idle") }

func (r *atlantisRun) busyList() string {
	var out []string
	for name, op := range r.busy { //drysim:order-independent: sorted below
		if op != "idle" && op != "done" {
			out = append(out, name+": "+op)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "; ")
}
