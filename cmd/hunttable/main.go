// Command hunttable measures runs to the first violation per search —
// guided, random, pct:1/2/3, swarm — over several hunt seeds, on Drydock's
// racy strategies with the scenarios' failpoints off and on the bugbench
// programs, and prints the table docs/guided.md shows (make hunt-table).
//
//	go run ./cmd/hunttable [-hunts 25] [-runs 200] [-bench-hunts 25] [-bench-runs 1000] [-rows drydock,bugbench] [-only substring] [-searches guided,random,...]
//	go run ./cmd/hunttable -hit-rates 100   # runs reproducing each Drydock race, per kind of fresh draw
//
// A cell is the median over the hunt seeds 1..hunts (1..bench-hunts for a
// bugbench row, whose runs take microseconds) of the run at which the
// hunt found a failing run, ">N" when the median hunt found none in N
// runs; when the hunts differ, the min and max follow in brackets, then the mean (μ; a hunt that
// found nothing counts N+1). A hunt under a scheduler runs
// world seeds in order (harness.HuntWorldSeed); a guided hunt plans its
// runs from its seed. Every hunt is deterministic, so the table is the
// same on every machine; only its wall time differs.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/bugbench"
	"github.com/drysim/drysim/sim/guided"
)

// allSearches are the table's columns by default; the first is the one
// the others are compared with.
var allSearches = []string{harness.Guided, "random", "pct:1", "pct:2", "pct:3", "swarm"}

// row is one line of the table: a name and how to hunt on it.
type row struct {
	name string
	id   scenarios.Identity // a Drydock row's scenario, strategy and settings
	cap  int
	hunt func(search string, seed uint64, runs int) int // the finding's run, 0 for none
}

func main() {
	hunts := flag.Int("hunts", 25, "hunt seeds per scenario cell (1..hunts)")
	runs := flag.Int("runs", 200, "runs per scenario hunt")
	benchHunts := flag.Int("bench-hunts", 25, "hunt seeds per bugbench cell")
	benchRuns := flag.Int("bench-runs", 1000, "runs per bugbench hunt")
	kinds := flag.String("rows", "drydock,bugbench", "which rows: drydock, bugbench")
	only := flag.String("only", "", "only rows whose name contains this")
	parallel := flag.Int("parallel", runtime.GOMAXPROCS(0), "hunts at once")
	hitRates := flag.Int("hit-rates", 0, "instead of the table, run each Drydock row on world seeds 1..N under each kind of fresh draw and count the runs that reproduce its race")
	searchList := flag.String("searches", strings.Join(allSearches, ","), "the columns, comma-separated: guided or a scheduler; the first is compared with the others")
	flag.Parse()
	searches, err := parseSearches(*searchList)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hunttable:", err)
		os.Exit(2)
	}
	keep := func(rows []row) []row {
		return slices.DeleteFunc(rows, func(r row) bool { return !strings.Contains(r.name, *only) })
	}
	if *hitRates > 0 {
		hitRateTable(os.Stdout, keep(drydockRows(*runs)), *hitRates, *parallel)
		return
	}
	for _, part := range []struct {
		kind  string
		rows  func() []row
		hunts int
	}{{"drydock", func() []row { return drydockRows(*runs) }, *hunts}, {"bugbench", func() []row { return benchRows(*benchRuns) }, *benchHunts}} {
		if !strings.Contains(*kinds, part.kind) {
			continue
		}
		rows := keep(part.rows())
		if len(rows) == 0 {
			continue
		}
		start := time.Now()
		table(os.Stdout, rows, searches, part.hunts, *parallel)
		fmt.Printf("\n%d rows x %d searches x %d hunt seeds in %v (GOMAXPROCS %d)\n\n", len(rows), len(searches), part.hunts,
			time.Since(start).Round(time.Second), runtime.GOMAXPROCS(0))
	}
}

// drydockRows are Drydock's scenarios under every strategy expected to
// reproduce their race, with the scenarios' own failpoints off.
func drydockRows(runs int) []row {
	var out []row
	for _, s := range scenarios.All() {
		if s.System().Name != scenarios.Systems()[0].Name {
			continue
		}
		for _, e := range s.Expectations() {
			if !e.Reproduces {
				continue
			}
			id := scenarios.Identity{Scenario: s.Name, Strategy: e.Strategy, NoScenarioFailpoints: true}
			out = append(out, row{name: s.Name + " " + e.Strategy, id: id, cap: runs, hunt: func(search string, seed uint64, runs int) int {
				r, err := harness.Hunt(context.Background(), harness.HuntConfig{Run: id, Search: search, Runs: runs, Seed: seed, Parallel: 1, RaceOnly: true})
				if err != nil {
					fmt.Fprintf(os.Stderr, "hunttable: %s %s: %v\n", id, search, err)
					os.Exit(1)
				}
				if r.Found == nil {
					return 0
				}
				return r.Runs
			}})
		}
	}
	return out
}

// benchRows are the bugbench programs' bugs.
func benchRows(runs int) []row {
	var out []row
	for _, p := range bugbench.Programs() {
		out = append(out, row{name: "bugbench " + p.Name, cap: runs, hunt: func(search string, seed uint64, runs int) int {
			return benchHunt(p, search, seed, runs)
		}})
	}
	return out
}

func benchHunt(p bugbench.Program, search string, seed uint64, runs int) int {
	maxSteps := cmpOr(p.MaxSteps, bugbench.DefaultMaxSteps)
	if search == harness.Guided {
		f, _ := guided.Search(context.Background(), guided.Config{Seed: seed, Runs: runs,
			Seeds: func(n int) uint64 { return harness.HuntWorldSeed(seed, n) }}, guided.BodyTarget(p.Buggy, maxSteps))
		if f == nil {
			return 0
		}
		return f.Run
	}
	s, err := sim.ParseScheduler(search)
	if err != nil {
		panic(err)
	}
	if h, ok := s.(sim.HorizonScheduler); ok && h.HorizonSteps() == 0 {
		s = h.WithHorizon(p.Horizon()) // as bugbench.SeedsToDetection does
	}
	pool := sim.NewPool()
	defer pool.Close()
	for n := range runs {
		if p.Run(true, sim.Config{Seed: harness.HuntWorldSeed(seed, n), Scheduler: s, Pool: pool}) != nil {
			return n + 1
		}
	}
	return 0
}

type cell struct {
	row, search int
	seed        uint64
}

func table(w io.Writer, rows []row, searches []string, hunts, parallel int) {
	found := make([][][]int, len(rows))
	for i := range found {
		found[i] = make([][]int, len(searches))
		for j := range found[i] {
			found[i][j] = make([]int, hunts)
		}
	}
	fmt.Fprintf(w, "| row (median runs to first violation [min-max] μmean, %d hunts) | %s |\n|---|%s\n", hunts,
		strings.Join(searches, " | "), strings.Repeat("---|", len(searches)))
	for i, r := range rows {
		cells := make(chan cell)
		var wg sync.WaitGroup
		for range parallel {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for c := range cells {
					found[c.row][c.search][c.seed-1] = rows[c.row].hunt(searches[c.search], c.seed, rows[c.row].cap)
				}
			}()
		}
		for j := range searches {
			for h := 1; h <= hunts; h++ {
				cells <- cell{i, j, uint64(h)}
			}
		}
		close(cells)
		wg.Wait()
		line := make([]string, len(searches))
		for j := range searches {
			line[j] = summary(found[i][j], r.cap)
		}
		fmt.Fprintf(w, "| %s | %s |\n", r.name, strings.Join(line, " | "))
	}
	wins(w, rows, searches, found)
}

// summary is "median [min-max] μmean", a hunt that found nothing
// counting as cap+1 (and the median, min or max then as ">cap").
func summary(runs []int, cap int) string {
	sorted := make([]int, len(runs))
	total := 0
	for i, n := range runs {
		sorted[i] = cmpOr(n, cap+1)
		total += sorted[i]
	}
	slices.Sort(sorted)
	say := func(n int) string {
		if n > cap {
			return fmt.Sprintf(">%d", cap)
		}
		return fmt.Sprint(n)
	}
	med := say(sorted[len(sorted)/2])
	if sorted[0] == sorted[len(sorted)-1] {
		return med
	}
	return fmt.Sprintf("%s [%s-%s] μ%.1f", med, say(sorted[0]), say(sorted[len(sorted)-1]), float64(total)/float64(len(runs)))
}

// wins prints each search's runs over every hunt, and the rows where the
// first search beats, ties or trails each other one: by median (what the
// table shows) and by mean (which sees the tail of a row whose median is
// 1 for both).
func wins(w io.Writer, rows []row, searches []string, found [][][]int) {
	capped := func(i, j int) []int {
		s := slices.Clone(found[i][j])
		for k, n := range s {
			s[k] = cmpOr(n, rows[i].cap+1)
		}
		slices.Sort(s)
		return s
	}
	median := func(i, j int) float64 { s := capped(i, j); return float64(s[len(s)/2]) }
	mean := func(i, j int) float64 {
		total := 0
		for _, n := range capped(i, j) {
			total += n
		}
		return float64(total) / float64(len(found[i][j]))
	}
	fmt.Fprintln(w)
	var totals []string
	for j := range searches {
		total := 0.0
		for i := range rows {
			total += mean(i, j) * float64(len(found[i][j]))
		}
		totals = append(totals, fmt.Sprintf("%s %.0f", searches[j], total))
	}
	fmt.Fprintf(w, "runs over every hunt of every row (a hunt that found nothing counts its cap+1): %s\n", strings.Join(totals, ", "))
	for j := 1; j < len(searches); j++ {
		fmt.Fprintf(w, "%s vs %-7s by median %s; by mean %s\n", searches[0], searches[j],
			compareRows(len(rows), func(i int) (float64, float64) { return median(i, 0), median(i, j) }),
			compareRows(len(rows), func(i int) (float64, float64) { return mean(i, 0), mean(i, j) }))
	}
}

// compareRows counts the rows where the first figure is lower, equal or
// higher.
func compareRows(n int, figures func(row int) (first, other float64)) string {
	better, tie, worse := 0, 0, 0
	for i := range n {
		switch f, o := figures(i); {
		case f < o:
			better++
		case f == o:
			tie++
		default:
			worse++
		}
	}
	return fmt.Sprintf("better on %d rows, tied on %d, worse on %d", better, tie, worse)
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// parseSearches reads -searches: at least two, each guided or a scheduler
// hunt accepts.
func parseSearches(list string) ([]string, error) {
	out := strings.Split(list, ",")
	for _, s := range out {
		if _, err := harness.ParseHuntSearch(s); err != nil {
			return nil, fmt.Errorf("-searches %q: %w", list, err)
		}
	}
	if len(out) < 2 {
		return nil, fmt.Errorf("-searches %q: name at least two searches to compare (valid: %s)", list, harness.HuntSearches())
	}
	return out, nil
}
