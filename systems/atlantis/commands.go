package atlantis

import "fmt"

// Outcome is how a project command ended.
type Outcome uint8

const (
	// Succeeded: the command did its work.
	Succeeded Outcome = iota
	// Rejected: the command lost a lock or found nothing to do, and says
	// why; nothing was changed.
	Rejected
	// Failed: the command ran into a corrupt working directory.
	Failed
)

func (o Outcome) String() string {
	switch o {
	case Succeeded:
		return "succeeded"
	case Rejected:
		return "rejected"
	case Failed:
		return "failed"
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// Result is how a command ended and, unless it succeeded, why.
type Result struct {
	Outcome Outcome
	Reason  string
}

func rejected(format string, args ...any) Result {
	return Result{Outcome: Rejected, Reason: fmt.Sprintf(format, args...)}
}

// Push adds a commit to the pull: its working directory is out of date.
func (s *Server) Push(num int) error {
	p, err := s.pull(num)
	if err != nil {
		return err
	}
	s.rt.StepBegin("pull.push")
	p.head++
	s.rt.StepEnd()
	return nil
}

// BuildAll is the plan-all builder (ADR 0002 step 5): it holds the pull's
// lock (TryLockPull) while it takes the workspace's and brings the
// checkout up to date, before the project commands run.
func (s *Server) BuildAll(actor string, num int) (Result, error) {
	p, err := s.pull(num)
	if err != nil {
		return Result{}, err
	}
	res := s.build(actor, p)
	s.emit(Event{Kind: EvResult, Actor: actor, Pull: num, Project: -1, Work: "build", Result: res})
	return res, nil
}

func (s *Server) build(actor string, p *pull) Result {
	pullName := fmt.Sprintf("pull-%d", p.num)
	if ok, why := s.acquire(actor, pullName, p.lock); !ok {
		return rejected("%s", why)
	}
	defer p.lock.Unlock()
	s.window(FPPullLockHeld)
	if ok, why := s.acquire(actor, p.dir.name, p.dir.lock); !ok {
		return rejected("%s", why)
	}
	ok, why := s.checkout(actor, p)
	if ok {
		p.dir.lock.Unlock()
		return Result{}
	}
	return rejected("%s", why)
}

// Plan plans one project of a pull (ProjectCommandRunner.doPlan): the
// project's lock from the lock store, the workspace's lock, the checkout
// brought up to date, the plan written into the directory.
func (s *Server) Plan(actor string, num, project int) (Result, error) {
	p, err := s.projectOf(num, project)
	if err != nil {
		return Result{}, err
	}
	res := s.doPlan(actor, p, project)
	s.emit(Event{Kind: EvResult, Actor: actor, Pull: num, Project: project, Work: "plan", Result: res})
	return res, nil
}

func (s *Server) doPlan(actor string, p *pull, project int) Result {
	s.window(FPBeforeProjectLock)
	if ok, owner := s.locks.tryLock(actor, project, p.num); !ok {
		return rejected("project %d is locked by an unapplied plan from pull %d: apply that plan and merge it, or unlock it", project, owner)
	}
	spans := s.st.Has(FixLockSpansPlanApply)
	if !spans {
		defer s.locks.unlock(actor, project, p.num)
	}
	if ok, why := s.lockWorkspace(actor, p); !ok {
		return rejected("%s", why)
	}
	if res, lost := s.lostLock(actor, p, project); lost {
		return res
	}
	ok, why := s.checkout(actor, p)
	if !ok {
		return rejected("%s", why)
	}
	defer p.dir.lock.Unlock()
	return s.work(actor, p, project, "plan", func(d *dir) {
		pl := Plan{Valid: true, Pull: p.num, Project: project, Serial: s.serial[project], Base: d.base, Actor: actor}
		d.plans[project] = pl
		s.emit(Event{Kind: EvPlanned, Actor: actor, Pull: p.num, Project: project, Dir: d.name, Plan: pl, Serial: pl.Serial, Base: pl.Base})
	})
}

// Apply applies the plan in the pull's directory for one project.
func (s *Server) Apply(actor string, num, project int) (Result, error) {
	p, err := s.projectOf(num, project)
	if err != nil {
		return Result{}, err
	}
	res := s.doApply(actor, p, project)
	s.emit(Event{Kind: EvResult, Actor: actor, Pull: num, Project: project, Work: "apply", Result: res})
	return res, nil
}

func (s *Server) doApply(actor string, p *pull, project int) Result {
	if !s.st.Has(FixLockSpansPlanApply) {
		if ok, owner := s.locks.tryLock(actor, project, p.num); !ok {
			return rejected("project %d is locked by pull %d", project, owner)
		}
		defer s.locks.unlock(actor, project, p.num)
	}
	if ok, why := s.lockWorkspace(actor, p); !ok {
		return rejected("%s", why)
	}
	if res, lost := s.lostLock(actor, p, project); lost {
		return res
	}
	defer p.dir.lock.Unlock()
	if !p.dir.plans[project].Valid {
		return rejected("no plan for project %d in %s: run plan first", project, p.dir.name)
	}
	return s.work(actor, p, project, "apply", func(d *dir) {
		pl := d.plans[project]
		s.emit(Event{Kind: EvApplied, Actor: actor, Pull: p.num, Project: project, Dir: d.name, Plan: pl,
			Serial: s.serial[project], LastMerge: s.lastMerge[project]})
		s.serial[project]++
		d.plans[project] = Plan{}
		p.applied[project] = true
	})
}

// lostLock checks, holding the workspace's lock, that the pull still owns
// the project's lock: an `atlantis unlock` may have given it up between
// the lock store and the workspace lock. If not, it lets the workspace go
// and rejects the command.
func (s *Server) lostLock(actor string, p *pull, project int) (Result, bool) {
	s.rt.StepBegin("lockstore.get")
	owner := s.locks.owners[project]
	s.rt.StepEnd()
	if owner == p.num {
		return Result{}, false
	}
	p.dir.lock.Unlock()
	return rejected("project %d's lock is no longer held by pull %d (held by %d): it was unlocked while the command waited; plan again", project, p.num, owner), true
}

func (s *Server) projectOf(num, project int) (*pull, error) {
	p, err := s.pull(num)
	if err != nil {
		return nil, err
	}
	if project < 0 || project >= s.cfg.Projects {
		return nil, fmt.Errorf("%w: project %d: want 0 to %d", ErrConfig, project, s.cfg.Projects-1)
	}
	return p, nil
}
