package scenarios

import (
	"fmt"
	"time"

	"github.com/drysim/drysim/allocator"
)

// The quiescent and liveness checks of Invariants: they run once the queue
// has drained, or when the liveness budget ran out, over the facts the
// audit log gave.

// failureBudget is how soon a lease whose activation failed must be broken.
const failureBudget = time.Minute

func checkNoLeaseOnDead(c *checker) {
	for _, l := range c.leaseIDs() {
		r, linked := c.facts.linked[l]
		if linked && c.facts.resStatus[r] != allocator.ResourceActive {
			c.report(InvNoLeaseOnDeadResource, fmt.Sprintf("lease %d is %s on resource %d, which is %s", l, c.facts.leaseStatus[l], r, c.facts.resStatus[r]),
				allocator.LeaseRef(l), allocator.ResourceRef(r))
		}
	}
}

// checkEveryReleaseHookRan: a lease released while linked must have had
// its release hook run; broken leases are destroyed without one.
func checkEveryReleaseHookRan(c *checker) {
	for _, l := range c.leaseIDs() {
		if c.facts.releasedLinked[l] && c.releases[l] == 0 {
			c.report(InvReleaseOnce, fmt.Sprintf("lease %d was linked and released but its release hook never ran", l), allocator.LeaseRef(l))
		}
	}
}

// checkFailedActivations: every lease whose activation the blueprint failed
// broke for that reason, within failureBudget.
func checkFailedActivations(c *checker) {
	for _, l := range c.leaseIDs() {
		failed, ok := c.facts.activationFailed[l]
		if !ok {
			continue
		}
		end, ended := c.facts.ended[l]
		switch {
		case c.facts.brokeFor[l] != allocator.BreakActivation:
			c.report(InvFailedActivationBreaks, fmt.Sprintf("lease %d's activation failed but it is %s (broken for %q)", l, c.facts.leaseStatus[l], c.facts.brokeFor[l]), allocator.LeaseRef(l))
		case !ended || end.Sub(failed) > failureBudget:
			c.report(InvFailedActivationBreaks, fmt.Sprintf("lease %d's activation failed and it broke only %v later", l, end.Sub(failed)), allocator.LeaseRef(l))
		}
	}
}

// checkCommandsConsumed: every command that took effect was consumed.
func checkCommandsConsumed(c *checker) {
	for _, id := range c.commandIDs() {
		if cmd := c.facts.commands[id]; cmd.effects > 0 && !cmd.consumed {
			c.report(InvCommandEffects, fmt.Sprintf("command %d took effect and was never consumed", id), cmd.target)
		}
	}
}

// checkExpiry: every lease with an expiry ended by then, give or take one
// worker retry.
func checkExpiry(c *checker) {
	for l := range c.rows.leases() {
		if l.Until.IsZero() {
			continue
		}
		deadline := l.Until.Add(c.expiryGrace)
		if end, ok := c.facts.ended[l.ID]; !ok || end.After(deadline) {
			c.report(InvLeaseExpiry, fmt.Sprintf("lease %d expired at %s and had not ended %v later", l.ID, l.Until.Format("15:04:05"), c.expiryGrace), allocator.LeaseRef(l.ID))
		}
	}
}

// checkAbandoned: a lease its requester gave up on has ended.
func checkAbandoned(c *checker) {
	for l := range c.rows.leases() {
		if c.abandoned[l.ID] && !c.facts.leaseStatus[l.ID].Ended() {
			c.report(InvAbandonedEnded, fmt.Sprintf("lease %d was abandoned and is still %s", l.ID, c.facts.leaseStatus[l.ID]), allocator.LeaseRef(l.ID))
		}
	}
}

// reportStalls names the leases parked behind a refused reclaim when the
// requesters did not finish in time.
func reportStalls(c *checker, l liveness) {
	if l.clientsDone {
		return
	}
	for _, lease := range c.leaseIDs() {
		if r := c.refusedReclaim(lease); r != 0 {
			c.report(InvReclaimStall, fmt.Sprintf("lease %d yields for ever on resource %d: its reclaim was refused and the resource stays active", lease, r),
				allocator.LeaseRef(lease), allocator.ResourceRef(r))
		}
	}
}

// reportStuck names the leases that neither became active nor ended (those
// parked behind a refused reclaim aside: see reportStalls), or the queue
// tasks still open once every requester finished.
func reportStuck(c *checker, l liveness) {
	if l.clientsDone {
		c.report(InvLiveness, fmt.Sprintf("%d queue tasks still open %v into the liveness phase", l.openTasks, l.budget))
		return
	}
	var stuck []allocator.Ref
	first := allocator.ID(0)
	stalled := 0
	for _, lease := range c.leaseIDs() {
		switch {
		case !c.facts.leaseStatus[lease].Activating():
		case c.refusedReclaim(lease) != 0:
			stalled++
		default:
			if first == 0 {
				first = lease
			}
			stuck = append(stuck, allocator.LeaseRef(lease))
		}
	}
	if len(stuck) == 0 && stalled > 0 {
		return
	}
	detail := fmt.Sprintf("%d leases still waiting %v into the liveness phase (%d clients running)", len(stuck), l.budget, l.clientsLeft)
	if first != 0 {
		wants := ""
		if lr, ok := c.rows.lease(first); ok {
			wants = lr.Wants.String()
		}
		detail += fmt.Sprintf("; first: lease %d %s wants %s", first, c.facts.leaseStatus[first], wants)
	}
	c.report(InvLiveness, detail, stuck[:min(len(stuck), 8)]...)
}

// refusedReclaim returns the resource a pending lease is parked behind: one
// it asked to reclaim that is still active although every reclaim command
// it queued for it has been consumed. 0 if there is none.
func (c *checker) refusedReclaim(lease allocator.ID) allocator.ID {
	if c.facts.leaseStatus[lease] != allocator.LeasePending {
		return 0
	}
	refused := map[allocator.ID]bool{}
	for _, id := range c.commandIDs() {
		cmd := c.facts.commands[id]
		if cmd.kind != allocator.CommandReclaim.String() || cmd.author != allocator.LeaseRef(lease) {
			continue
		}
		r := cmd.target.ID
		if _, seen := refused[r]; !seen {
			refused[r] = true
		}
		refused[r] = refused[r] && cmd.consumed && c.facts.resStatus[r] == allocator.ResourceActive
	}
	for _, id := range c.commandIDs() { // the first such resource, in command order
		if cmd := c.facts.commands[id]; refused[cmd.target.ID] && cmd.author == allocator.LeaseRef(lease) {
			return cmd.target.ID
		}
	}
	return 0
}

// leaseIDs lists every lease ID, in order (a database's may skip one a
// rolled-back insert took).
func (c *checker) leaseIDs() []allocator.ID {
	var ids []allocator.ID
	for l := range c.rows.leases() {
		ids = append(ids, l.ID)
	}
	return ids
}

// commandIDs lists every command ID, in order.
func (c *checker) commandIDs() []allocator.ID {
	var ids []allocator.ID
	for cmd := range c.rows.commands() {
		ids = append(ids, cmd.ID)
	}
	return ids
}
