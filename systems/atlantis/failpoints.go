package atlantis

import (
	"github.com/drysim/drysim/systems/catalog"
	"github.com/drysim/drysim/systems/window"
)

// Failpoint names. Each sits in one race window; an enabled one widens it
// by sleeping there (return(2000) is two virtual seconds).
const (
	// FPAfterCheck: a command found its directory out of date and has not
	// started the clone or merge that fixes it. Widens the collision of
	// two fixes when the lock covers only the check.
	FPAfterCheck = "atlantis/afterCheck"
	// FPBetweenGetAndSet: the lock store read a project's key free and has
	// not set it yet (a non-atomic store). Widens two owners of a lock.
	FPBetweenGetAndSet = "atlantis/betweenGetAndSet"
	// FPBeforeProjectLock: a project command has not yet asked the lock
	// store for its project's lock; its pull's checkout may be old by the
	// time it plans ("hours/days/weeks"). Widens the stale plan.
	FPBeforeProjectLock = "atlantis/beforeProjectLock"
	// FPPullLockHeld: a plan-all builder holds the pull's lock and has not
	// asked for the workspace's. Widens the two-level deadlock.
	FPPullLockHeld = "atlantis/pullLockHeld"
)

// FailpointInfo documents one failpoint.
type FailpointInfo = catalog.FailpointInfo

// Failpoints lists Atlantis's failpoints.
func Failpoints() []FailpointInfo {
	return []FailpointInfo{
		{Name: FPAfterCheck, Race: "atlantis-dir-collision", Doc: "directory found out of date, not fixed yet"},
		{Name: FPBetweenGetAndSet, Race: "atlantis-lock-store", Doc: "lock key read free, not set yet"},
		{Name: FPBeforeProjectLock, Race: "atlantis-stale-plan", Doc: "project lock not asked for yet; the checkout ages"},
		{Name: FPPullLockHeld, Race: "atlantis-lock-order", Doc: "pull lock held, workspace lock not asked for"},
	}
}

// window stays in a race window for as long as the failpoint says.
func (s *Server) window(name string) {
	if d := window.Duration(s.rt.Failpoint(name)); d > 0 {
		s.rt.Sleep(d)
	}
}
