package liveload

import (
	"fmt"
	"strings"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/scenarios"
)

// Violation is one broken invariant as the simulator's checker reports
// it (live, Step is the number of the commit that showed it and Time model
// time since the first audit entry), or what a stop left behind
// (Leftovers: no step).
type Violation = scenarios.Violation

// InvNothingLeft is the invariant of a clean stop (Leftovers).
const InvNothingLeft = "nothing-left-behind"

// Leftovers names what a clean stop must not leave behind, which the
// simulator has no word for (its requesters do not release what they hold
// when a run ends): leases that have not ended (leased but never
// released), resources caught half-way (pending, released or broken; an
// idle active resource is the pool, not a leak), and slot locks whose
// owner is destroyed or gone (the lock table's own word, beside
// no-orphan-slot-locks, which reads the audit log).
func Leftovers(d allocator.Dump) []Violation {
	var out []Violation
	leftover := func(ref allocator.Ref, format string, args ...any) {
		out = append(out, Violation{Invariant: InvNothingLeft, Objects: []allocator.Ref{ref}, Detail: fmt.Sprintf(format, args...)})
	}
	for _, l := range d.Leases {
		if !l.Status.Ended() {
			leftover(allocator.LeaseRef(l.ID), "lease %d is still %s", l.ID, l.Status)
		}
	}
	for _, r := range d.Resources {
		if r.Status != allocator.ResourceActive && r.Status != allocator.ResourceDestroyed {
			leftover(allocator.ResourceRef(r.ID), "resource %d is still %s", r.ID, r.Status)
		}
	}
	gone := ownersGone(d)
	for _, s := range d.SlotLocks {
		if gone[s.Owner] {
			leftover(s.Owner, "slot lock %s is held by %s, which is destroyed or does not exist", s.Key, s.Owner)
		}
	}
	return out
}

// ownersGone says, of every slot lock's owner, whether it is destroyed
// or has no row.
func ownersGone(d allocator.Dump) map[allocator.Ref]bool {
	live := map[allocator.Ref]bool{}
	for _, l := range d.Leases {
		live[allocator.LeaseRef(l.ID)] = l.Status != allocator.LeaseDestroyed
	}
	for _, r := range d.Resources {
		live[allocator.ResourceRef(r.ID)] = r.Status != allocator.ResourceDestroyed
	}
	gone := map[allocator.Ref]bool{}
	for _, s := range d.SlotLocks {
		gone[s.Owner] = !live[s.Owner]
	}
	return gone
}

// describe is a violation as a report line: where the checker found it
// (the commit and model time), or, for a leftover, what was left.
func describe(v Violation) string {
	objs := strings.Join(v.ObjectNames(), " ")
	if v.Step == 0 {
		return fmt.Sprintf("%s [%s]: %s", v.Invariant, objs, v.Detail)
	}
	return fmt.Sprintf("%s [%s] at commit %d (+%v model time): %s", v.Invariant, objs, v.Step, v.Time, v.Detail)
}
