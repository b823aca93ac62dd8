package scenarios

import (
	"fmt"
	"slices"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/atlantis"
)

// atlantisChecker watches Atlantis's events: who works in which
// directory, who owns which lock, what each apply applies, how each
// command ended, and every working-dir lock wait.
type atlantisChecker struct {
	violations
	inside   map[string]string // per directory, the command at work in it
	owners   map[int][]int     // per project, the pulls told they own its lock
	waits    []time.Duration
	timeouts int
	retries  int
	ops      int
	rejected int
	failed   int
}

func (c *atlantisChecker) observe(e atlantis.Event) {
	switch e.Kind {
	case atlantis.EvDirEnter:
		if other, busy := c.inside[e.Dir]; busy {
			c.report(InvDirExclusive, fmt.Sprintf("%s starts to %s in %s while %s works in it", e.Actor, e.Work, e.Dir, other), e.Actor, other, e.Dir)
		}
		c.inside[e.Dir] = e.Actor
	case atlantis.EvDirExit:
		if c.inside[e.Dir] == e.Actor {
			delete(c.inside, e.Dir)
		}
	case atlantis.EvLockGranted:
		c.granted(e)
	case atlantis.EvLockReleased:
		c.owners[e.Project] = slices.DeleteFunc(c.owners[e.Project], func(p int) bool { return p == e.Pull })
	case atlantis.EvApplied:
		c.applied(e)
	case atlantis.EvResult:
		c.result(e)
	case atlantis.EvLockWait:
		c.waits = append(c.waits, e.Waited)
		c.retries += e.Retries
		if e.TimedOut {
			c.timeouts++
		}
	}
}

func (c *atlantisChecker) granted(e atlantis.Event) {
	if !slices.Contains(c.owners[e.Project], e.Pull) {
		c.owners[e.Project] = append(c.owners[e.Project], e.Pull)
	}
	if owners := c.owners[e.Project]; len(owners) > 1 {
		c.report(InvLockSingleOwner, fmt.Sprintf("the lock store told pulls %v they own project %d's lock", owners, e.Project),
			fmt.Sprintf("project-%d", e.Project), fmt.Sprintf("pull-%d", owners[0]), fmt.Sprintf("pull-%d", e.Pull))
	}
}

// applied: the plan is the pull's own, made against the state the apply
// changes, on a checkout merged with the project's last merged change.
func (c *atlantisChecker) applied(e atlantis.Event) {
	pl := e.Plan
	var why string
	switch {
	case pl.Pull != e.Pull:
		why = fmt.Sprintf("the plan in its directory is pull %d's", pl.Pull)
	case pl.Serial != e.Serial:
		why = fmt.Sprintf("the plan was made against state serial %d; the state is at %d (someone else applied in between)", pl.Serial, e.Serial)
	case pl.Base < e.LastMerge:
		why = fmt.Sprintf("the plan was made on a checkout merged at upstream %d; the project changed upstream at %d (someone else's apply was merged since)", pl.Base, e.LastMerge)
	default:
		return
	}
	c.report(InvApplyFreshPlan, fmt.Sprintf("%s applies %s's plan to project %d: %s", e.Actor, pl.Actor, e.Project, why),
		e.Actor, fmt.Sprintf("project-%d", e.Project))
}

func (c *atlantisChecker) result(e atlantis.Event) {
	c.ops++
	switch e.Result.Outcome {
	case atlantis.Rejected:
		c.rejected++
		if e.Result.Reason == "" {
			c.report(InvClearRejection, fmt.Sprintf("%s was rejected without a reason", e.Actor), e.Actor)
		}
	case atlantis.Failed:
		c.failed++
		c.report(InvClearRejection, fmt.Sprintf("%s failed instead of a clear rejection: %s", e.Actor, e.Result.Reason), e.Actor)
	}
}

// finish reports a deadlock with the commands on its cycle and collects
// the metrics.
func (r *atlantisRun) finish(res *sim.Result) Findings {
	c := r.chk
	c.deadlock(res, r.doing)
	m := Metrics{Operations: c.ops, Rejected: c.rejected, Failed: c.failed, Retries: c.retries, LockTimeouts: c.timeouts, Steps: res.Steps}
	m.LockWaits = len(c.waits)
	m.LockWaitP50, m.LockWaitP99, m.LockWaitMax = allocator.Percentile(c.waits, 50), allocator.Percentile(c.waits, 99), allocator.Percentile(c.waits, 100)
	return Findings{Violations: c.list, Metrics: m, Drained: res.Outcome == sim.Done}
}
