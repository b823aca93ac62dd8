package bugbench

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/sim"
)

// Body sets up a program in a world and returns a check to run once the
// world has finished cleanly; the check may be nil.
type Body func(w *sim.World) (check func() error)

// Program is one bug pattern and its fix.
type Program struct {
	Name    string // short, kebab-case
	Pattern string // what goes wrong, in one line
	Buggy   Body
	Fixed   Body
	// MaxSteps bounds a run (a livelock ends here); 0 means DefaultMaxSteps.
	MaxSteps int64
}

// DefaultMaxSteps bounds a program's run: far above any finished run of
// these programs, low enough that a livelock costs little.
const DefaultMaxSteps = 20_000

// Budget is the number of seeds within which some scheduler must detect
// every bug of Programs (the package's tests check it).
const Budget = 500

// Schedulers are the schedulers the table compares.
func Schedulers() []sim.Scheduler {
	return []sim.Scheduler{sim.Random{}, sim.PCT{Depth: 1}, sim.PCT{Depth: 2}, sim.PCT{Depth: 3}, sim.Swarm{}}
}

// Run runs one seed of the buggy program (or its twin) and returns what
// was wrong with it, or nil. cfg's seed and scheduler are used; MaxSteps
// and EarlyTimers are set unless cfg sets them.
func (p Program) Run(buggy bool, cfg sim.Config) error {
	body := p.Fixed
	if buggy {
		body = p.Buggy
	}
	if cfg.MaxSteps == 0 {
		cfg.MaxSteps = cmpOr(p.MaxSteps, DefaultMaxSteps)
	}
	if cfg.EarlyTimers == 0 {
		cfg.EarlyTimers = sim.DefaultEarlyTimers
	}
	w := sim.New(cfg)
	check := body(w)
	res := w.Run()
	if err := res.Err(); err != nil {
		return err
	}
	if check != nil {
		return check()
	}
	return nil
}

// Horizon is the length, in steps, of one run of the fixed twin: the
// horizon PCT (and Swarm) draw their change points from, as simtest.Find
// would learn it.
func (p Program) Horizon() int64 {
	w := sim.New(sim.Config{Seed: 1, MaxSteps: cmpOr(p.MaxSteps, DefaultMaxSteps)})
	p.Fixed(w)
	return w.Run().Steps
}

// withHorizon gives s the program's horizon if it takes one and has none.
func withHorizon(s sim.Scheduler, p Program) sim.Scheduler {
	if h, ok := s.(sim.HorizonScheduler); ok && h.HorizonSteps() == 0 {
		return h.WithHorizon(p.Horizon())
	}
	return s
}

// SeedsToDetection runs the buggy program on seeds 1..seeds and returns the
// first seed that detects the bug (0: none did) and how many did.
func SeedsToDetection(p Program, s sim.Scheduler, seeds int) (first uint64, hits int) {
	s = withHorizon(s, p)
	pool := sim.NewPool()
	defer pool.Close()
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		if p.Run(true, sim.Config{Seed: seed, Scheduler: s, Pool: pool}) != nil {
			hits++
			if first == 0 {
				first = seed
			}
		}
	}
	return first, hits
}

// FalsePositive runs the fixed twin on seeds 1..seeds and returns the first
// seed that reports it, with what it reported, or 0 and nil.
func FalsePositive(p Program, s sim.Scheduler, seeds int) (uint64, error) {
	s = withHorizon(s, p)
	pool := sim.NewPool()
	defer pool.Close()
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		if err := p.Run(false, sim.Config{Seed: seed, Scheduler: s, Pool: pool}); err != nil {
			return seed, err
		}
	}
	return 0, nil
}

// Row is one program under one scheduler.
type Row struct {
	Program, Scheduler string
	First              uint64 // first detecting seed, 0 for none
	Hits, Seeds        int    // detecting seeds of Seeds
}

// Table runs every program under every scheduler for seeds seeds.
func Table(programs []Program, schedulers []sim.Scheduler, seeds int) []Row {
	var rows []Row
	for _, p := range programs {
		for _, s := range schedulers {
			first, hits := SeedsToDetection(p, s, seeds)
			rows = append(rows, Row{Program: p.Name, Scheduler: s.String(), First: first, Hits: hits, Seeds: seeds})
		}
	}
	return rows
}

// FormatTable renders rows as a Markdown table: one line per program, one
// column per scheduler, each cell "first seed (hits)", "-" when no seed
// detected the bug; a last line counts the programs each scheduler found.
func FormatTable(rows []Row) string {
	var scheds, progs []string
	cells := map[[2]string]Row{}
	for _, r := range rows {
		if !slices.Contains(scheds, r.Scheduler) {
			scheds = append(scheds, r.Scheduler)
		}
		if !slices.Contains(progs, r.Program) {
			progs = append(progs, r.Program)
		}
		cells[[2]string{r.Program, r.Scheduler}] = r
	}
	var b strings.Builder
	seeds := 0
	if len(rows) > 0 {
		seeds = rows[0].Seeds
	}
	fmt.Fprintf(&b, "| program (first seed (hits/%d)) | %s |\n|---|%s\n", seeds, strings.Join(scheds, " | "), strings.Repeat("---|", len(scheds)))
	found := make([]int, len(scheds))
	for _, p := range progs {
		line := make([]string, len(scheds))
		for i, s := range scheds {
			r := cells[[2]string{p, s}]
			line[i] = "-"
			if r.Hits > 0 {
				line[i] = fmt.Sprintf("%d (%d)", r.First, r.Hits)
				found[i]++
			}
		}
		fmt.Fprintf(&b, "| %s | %s |\n", p, strings.Join(line, " | "))
	}
	counts := make([]string, len(scheds))
	for i, n := range found {
		counts[i] = fmt.Sprintf("%d/%d", n, len(progs))
	}
	fmt.Fprintf(&b, "| found | %s |\n", strings.Join(counts, " | "))
	return b.String()
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// errorf is fmt.Errorf, for checks.
func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

// ms is a millisecond, for short virtual waits.
const ms = time.Millisecond
