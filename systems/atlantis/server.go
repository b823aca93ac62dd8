package atlantis

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// ErrConfig is wrapped by every error about the server's configuration or
// a call's arguments.
var ErrConfig = errors.New("bad Atlantis config")

// Workspace is the one Terraform workspace the model's projects use: every
// project of a pull shares the pull's clone of the repository.
const Workspace = "default"

// Config configures a Server.
type Config struct {
	Strategy Strategy
	// Projects in the repository; a pull changes some of them.
	Projects int
	// LockTimeout is how long poll-retry and queue wait for a lock.
	LockTimeout time.Duration
	// Poll is how often poll-retry tries again.
	Poll time.Duration
	// Took says how long a piece of work takes: "clone", "plan", "apply".
	// nil: no time.
	Took func(work string) time.Duration
	// Observe, if set, hears every event at the instant it happens.
	Observe func(Event)
}

// Server is an Atlantis server: pull requests with their working
// directories and working-dir locks, the project-lock store, the
// repository's upstream branch and each project's infrastructure state.
type Server struct {
	rt    Runtime
	st    Strategy
	cfg   Config
	pulls []*pull
	locks lockStore
	// head is upstream main's head commit; lastMerge is, per project, the
	// commit that last changed it; serial is, per project, the state's
	// serial (one more with every apply).
	head      int
	lastMerge []int
	serial    []int
}

// pull is one pull request: the projects it changes, its head commit, its
// pull-level lock and its working directory.
type pull struct {
	num      int
	projects []int
	head     int
	lock     Mutex
	dir      *dir
	applied  []bool // per project of the repository
	closed   bool
}

// dir is a pull's working directory (repo/pull/workspace): one clone on
// disk for all its projects, and the plans made in it.
type dir struct {
	name       string
	lock       Mutex
	exists     bool
	head, base int // the pull's commit checked out, merged with upstream's base
	plans      []Plan
	occupants  int
	corrupt    string // why the directory is corrupt, "" if it is not
}

// Plan is a plan file in a working directory.
type Plan struct {
	Valid   bool
	Pull    int
	Project int
	Serial  int    // the project's state serial it was made against
	Base    int    // the upstream commit the checkout was merged with
	Actor   string // the command that made it
}

// New makes a server for a repository of cfg.Projects projects.
func New(rt Runtime, cfg Config) (*Server, error) {
	switch {
	case cfg.Projects < 1:
		return nil, fmt.Errorf("%w: %d projects: want 1 or more", ErrConfig, cfg.Projects)
	case cfg.LockTimeout < 0 || cfg.Poll < 0:
		return nil, fmt.Errorf("%w: lock timeout %v, poll %v: want 0 or more", ErrConfig, cfg.LockTimeout, cfg.Poll)
	case cfg.Strategy.Policy == PollRetry && cfg.Poll == 0:
		return nil, fmt.Errorf("%w: poll-retry needs a poll interval above 0", ErrConfig)
	}
	s := &Server{rt: rt, st: cfg.Strategy, cfg: cfg, lastMerge: make([]int, cfg.Projects), serial: make([]int, cfg.Projects)}
	s.locks = lockStore{s: s, owners: make([]int, cfg.Projects)}
	return s, nil
}

// OpenPull opens a pull request that changes projects and returns its
// number (1, 2, ...).
func (s *Server) OpenPull(projects []int) (int, error) {
	for _, p := range projects {
		if p < 0 || p >= s.cfg.Projects {
			return 0, fmt.Errorf("%w: project %d: want 0 to %d", ErrConfig, p, s.cfg.Projects-1)
		}
	}
	num := len(s.pulls) + 1
	d := &dir{name: fmt.Sprintf("pull-%d/%s", num, Workspace), plans: make([]Plan, s.cfg.Projects)}
	d.lock = s.rt.NewMutex(d.name)
	p := &pull{num: num, projects: slices.Clone(projects), head: 1, dir: d, applied: make([]bool, s.cfg.Projects)}
	p.lock = s.rt.NewMutex(fmt.Sprintf("pull-%d", num))
	s.pulls = append(s.pulls, p)
	return num, nil
}

func (s *Server) pull(num int) (*pull, error) {
	if num < 1 || num > len(s.pulls) {
		return nil, fmt.Errorf("%w: pull %d: want 1 to %d", ErrConfig, num, len(s.pulls))
	}
	return s.pulls[num-1], nil
}

// Projects lists the projects a pull changes.
func (s *Server) Projects(num int) []int {
	p, err := s.pull(num)
	if err != nil {
		return nil
	}
	return slices.Clone(p.projects)
}

// Head is upstream's head commit.
func (s *Server) Head() int { return s.head }

// Serial is a project's state serial.
func (s *Server) Serial(project int) int { return s.serial[project] }

// LockOwner is the pull the lock store says owns a project's lock, 0 if
// none.
func (s *Server) LockOwner(project int) int { return s.locks.owners[project] }

func (s *Server) emit(e Event) {
	if s.cfg.Observe != nil {
		s.cfg.Observe(e)
	}
}

func (s *Server) took(work string) time.Duration {
	if s.cfg.Took == nil {
		return 0
	}
	return max(s.cfg.Took(work), 0)
}
