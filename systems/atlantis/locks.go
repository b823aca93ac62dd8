package atlantis

import "fmt"

// lockStore is the project-lock store (locking.Backend): per project, the
// pull that owns its lock, 0 if none.
type lockStore struct {
	s      *Server
	owners []int
}

// tryLock gives pull a project's lock unless another pull owns it, and
// returns the owner it saw. With atomic-lock-store the read and the write
// are one transaction (BoltDB's Update); without, the key is read in one
// call and set in another (Redis's GET, then SET), so two pulls that both
// read it free both own it.
func (ls *lockStore) tryLock(actor string, project, num int) (bool, int) {
	s := ls.s
	ev := Event{Kind: EvLockGranted, Actor: actor, Pull: num, Project: project}
	if s.st.Has(FixAtomicLockStore) {
		s.rt.StepBegin("lockstore.trylock")
		defer s.rt.StepEnd()
		cur := ls.owners[project]
		if cur != 0 && cur != num {
			return false, cur
		}
		ls.owners[project] = num
		s.emit(ev)
		return true, num
	}
	s.rt.StepBegin("lockstore.get")
	cur := ls.owners[project]
	s.rt.StepEnd()
	if cur != 0 && cur != num {
		return false, cur
	}
	s.window(FPBetweenGetAndSet)
	s.rt.StepBegin("lockstore.set")
	ls.owners[project] = num
	s.emit(ev)
	s.rt.StepEnd()
	return true, num
}

// unlock gives up pull's claim on a project's lock: the key is deleted if
// the pull still owns it (UnlockIfOwnedByPull).
func (ls *lockStore) unlock(actor string, project, num int) {
	s := ls.s
	s.rt.StepBegin("lockstore.unlock")
	if ls.owners[project] == num {
		ls.owners[project] = 0
	}
	s.emit(Event{Kind: EvLockReleased, Actor: actor, Pull: num, Project: project})
	s.rt.StepEnd()
}

// acquire takes a working-dir lock under the strategy's policy and tells
// the checker how it went; reason says why it failed. Every policy tries
// the lock first; only a failed try waits, so a wait is the time from that
// try to the lock or the timeout (fail-fast never waits).
func (s *Server) acquire(actor, name string, m Mutex) (ok bool, reason string) {
	ev := Event{Kind: EvLockWait, Actor: actor, Lock: name, Project: -1, OK: m.TryLock()}
	if !ev.OK && s.st.Policy != FailFast {
		start := s.rt.Now()
		switch s.st.Policy {
		case PollRetry:
			ev.OK, ev.Retries = s.poll(m)
		case Queue:
			ev.OK = m.LockTimeout(s.cfg.LockTimeout)
		default:
			m.Lock()
			ev.OK = true
		}
		ev.Waited, ev.TimedOut = s.rt.Now().Sub(start), !ev.OK
	}
	s.emit(ev)
	switch {
	case ev.OK:
		return true, ""
	case ev.TimedOut:
		return false, fmt.Sprintf("%s is locked by another command of this pull request; gave up after %v", name, ev.Waited)
	}
	return false, fmt.Sprintf("%s is currently locked by another command that is running for this pull request; wait until it is complete and try again", name)
}

// poll tries the lock again every poll interval until the timeout.
func (s *Server) poll(m Mutex) (bool, int) {
	t0 := s.rt.Now()
	for retries := 1; ; retries++ {
		left := s.cfg.LockTimeout - s.rt.Now().Sub(t0)
		if left <= 0 {
			return false, retries - 1
		}
		s.rt.Sleep(min(s.cfg.Poll, left))
		if m.TryLock() {
			return true, retries
		}
	}
}

// lockWorkspace takes the pull's lock and the workspace directory's (the
// working-dir locker's TryLock checks both levels), then lets the pull's
// go: pull first with pull-lock-order, else workspace first. It returns
// holding the directory's lock, or the reason it could not.
func (s *Server) lockWorkspace(actor string, p *pull) (bool, string) {
	pullName := fmt.Sprintf("pull-%d", p.num)
	first, firstName, second, secondName := p.lock, pullName, p.dir.lock, p.dir.name
	if !s.st.Has(FixPullLockOrder) {
		first, firstName, second, secondName = second, secondName, first, firstName
	}
	if ok, why := s.acquire(actor, firstName, first); !ok {
		return false, why
	}
	if ok, why := s.acquire(actor, secondName, second); !ok {
		first.Unlock()
		return false, why
	}
	p.lock.Unlock()
	return true, ""
}
