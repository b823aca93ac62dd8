package atlantis

import "fmt"

// checkout brings the pull's directory up to date, called holding its
// lock: it checks (exists, at the pull's head, and, with
// revalidate-before-plan, merged with upstream's current head) and fixes
// (clones and merges). With lock-covers-fix the lock is held throughout;
// without, it is let go after the check and taken again after the fix. It
// returns holding the lock, or the reason it could not take it again.
func (s *Server) checkout(actor string, p *pull) (bool, string) {
	d := p.dir
	stale := !d.exists || d.head != p.head
	if s.st.Has(FixRevalidateBeforePlan) {
		stale = stale || d.base != s.head
	}
	if !stale {
		return true, ""
	}
	if s.st.Has(FixLockCoversFix) {
		s.window(FPAfterCheck)
		s.fix(actor, p)
		return true, ""
	}
	d.lock.Unlock()
	s.window(FPAfterCheck)
	s.fix(actor, p)
	return s.acquire(actor, d.name, d.lock)
}

// fix clones the pull's head and merges it with upstream's head, as read
// when the fetch starts. A clone into a directory another command is
// working in corrupts it.
func (s *Server) fix(actor string, p *pull) {
	base := s.head
	s.work(actor, p, -1, "clone", func(d *dir) {
		if d.corrupt == "" {
			d.exists, d.head, d.base = true, p.head, base
			clear(d.plans)
		}
	})
}

// work is a piece of work in the pull's directory: entering it, the time
// it takes, then done and leaving. Two commands in one directory at once
// corrupt it (Atlantis's WorkingDirLocker: "a specific repo/pull/workspace
// has a single workspace on disk"); a plan or apply that ends in a corrupt
// directory fails and removes it, and a clone into an empty corrupt one
// starts afresh.
func (s *Server) work(actor string, p *pull, project int, what string, done func(*dir)) Result {
	d := p.dir
	s.rt.StepBegin("dir.enter")
	switch {
	case d.occupants > 0 && d.corrupt == "":
		d.corrupt = fmt.Sprintf("%s by %s while another command worked in it", what, actor)
	case d.occupants == 0 && what == "clone":
		d.corrupt = "" // rm -rf, then clone
	}
	d.occupants++
	s.emit(Event{Kind: EvDirEnter, Actor: actor, Pull: p.num, Project: project, Dir: d.name, Work: what})
	s.rt.StepEnd()
	s.rt.Sleep(s.took(what))
	s.rt.StepBegin("dir." + what)
	defer s.rt.StepEnd()
	d.occupants--
	res := Result{}
	switch {
	case d.corrupt == "":
		done(d)
	case what != "clone":
		res = Result{Outcome: Failed, Reason: fmt.Sprintf("%s in %s failed: the directory is corrupt (%s)", what, d.name, d.corrupt)}
		d.exists = false
		clear(d.plans)
		if d.occupants == 0 {
			d.corrupt = ""
		}
	}
	s.emit(Event{Kind: EvDirExit, Actor: actor, Pull: p.num, Project: project, Dir: d.name, Work: what, Result: res})
	return res
}

// Unlock is `atlantis unlock`: the pull's plans are discarded (under the
// workspace lock) and its project locks given up.
func (s *Server) Unlock(actor string, num int) (Result, error) {
	p, err := s.pull(num)
	if err != nil {
		return Result{}, err
	}
	if ok, why := s.lockWorkspace(actor, p); !ok {
		return rejected("%s", why), nil
	}
	s.rt.StepBegin("dir.unlock")
	clear(p.dir.plans)
	s.rt.StepEnd()
	p.dir.lock.Unlock()
	for _, project := range p.projects {
		s.locks.unlock(actor, project, p.num)
	}
	return Result{}, nil
}

// Merge merges the pull: upstream gets a new head commit that changes the
// projects the pull applied, the pull's project locks are deleted and its
// directory removed, as Atlantis does when a pull request is closed.
func (s *Server) Merge(actor string, num int) error {
	p, err := s.pull(num)
	if err != nil {
		return err
	}
	s.rt.StepBegin("pull.merge")
	s.head++
	for project, applied := range p.applied {
		if applied {
			s.lastMerge[project] = s.head
		}
	}
	p.closed, p.dir.exists = true, false
	s.emit(Event{Kind: EvMerged, Actor: actor, Pull: num, Project: -1, Base: s.head})
	s.rt.StepEnd()
	for _, project := range p.projects {
		s.locks.unlock(actor, project, p.num)
	}
	return nil
}
