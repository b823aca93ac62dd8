package reports

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"

	"github.com/drysim/drysim/scenarios"
)

// Report is everything a report page shows, computed from records alone
// (the timeline reruns one recorded run).
type Report struct {
	Info     SweepInfo
	Load     string // the scenario the load figures use
	Safety   []ScenarioRow
	LoadRows []LoadRow
	First    []FirstViolation
	Findings []string
	Figures  []Figure
	Timeline *TimelineInfo
	Files    []string // every file written, relative to the output directory
}

// TimelineInfo is the failing run the timeline and trace export show.
type TimelineInfo struct {
	Record    Record
	Violation string
	SVG, JSON string
}

// Generate writes the report for records into dir: the figures as PNG and
// SVG, a timeline and a Perfetto trace of one failing run, index.html and
// REPORT.md. The same records give byte-identical files.
func Generate(recs []Record, dir string) (*Report, error) {
	if len(recs) == 0 {
		return nil, fmt.Errorf("%w: no records to report on", ErrSweep)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	r := &Report{Info: Describe(recs), Safety: SafetyTable(recs), First: SeedsToFirstViolation(recs, "naive")}
	r.Load = loadScenario(recs)
	r.LoadRows = LoadTable(recs, r.Load)
	r.Findings = findings(r)
	if err := r.drawFigures(dir); err != nil {
		return nil, err
	}
	if err := r.drawTimeline(recs, dir); err != nil {
		return nil, err
	}
	for _, page := range []struct {
		name  string
		write func(*Report, string) error
	}{{"index.html", writeHTML}, {"REPORT.md", writeMarkdown}} {
		if err := page.write(r, filepath.Join(dir, page.name)); err != nil {
			return nil, fmt.Errorf("report %s: %w", page.name, err)
		}
		r.Files = append(r.Files, page.name)
	}
	return r, nil
}

// loadScenario is double-allocation (the 200-lease load) if the sweep has
// it, else the scenario with the most records.
func loadScenario(recs []Record) string {
	best, n := "", 0
	for _, g := range groupBy(recs, func(r Record) string { return r.Scenario }) {
		if g.key == "double-allocation" {
			return g.key
		}
		if len(g.recs) > n {
			best, n = g.key, len(g.recs)
		}
	}
	return best
}

func (r *Report) sweepCaption() string {
	i := r.Info
	return fmt.Sprintf("Sweep: %d runs; scenarios %s; strategies %s; workers %s; schedulers %s; %d seeds each (seeds %d-%d).",
		i.Runs, strings.Join(i.Scenarios, ", "), strings.Join(i.Strategies, ", "), joinInts(i.Workers),
		strings.Join(i.Scheds, ", "), i.SeedsPerCombination, i.First, i.LastSeed)
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ", ")
}

func (r *Report) drawFigures(dir string) error {
	figs := []struct {
		fig  Figure
		draw func() (*plot.Plot, error)
	}{
		{Figure{"violations", "Failing runs per 1000 seeds", "Runs that broke an invariant (deadlocks, budgets and panics included; the measured reclaim-stall excluded) per 1000 seeds, by scenario and strategy."}, r.violationsPlot},
		{Figure{"throughput", "Leases activated per virtual minute", fmt.Sprintf("Scenario %s: leases activated divided by the virtual minutes from the first request to the last activation, mean over seeds and schedulers, by worker count and strategy.", r.Load)}, r.throughputPlot},
		{Figure{"lockwait", "Lock wait p99", fmt.Sprintf("Scenario %s: the 99th percentile of object-lock waits (virtual seconds; the global lock included), mean over seeds and schedulers, by worker count and strategy.", r.Load)}, r.lockWaitPlot},
		{Figure{"first-violation", "Seeds to first violation", "Strategy naive: the rank of the first seed that broke one of the scenario's race invariants, random scheduler against PCT, averaged over worker counts (no bar: none in the sweep)."}, r.firstViolationPlot},
		{Figure{"resources", "Resources built vs needed", fmt.Sprintf("Scenario %s: resources built per run against the fewest that could have served the peak of linked leases, mean over every run, by strategy.", r.Load)}, r.resourcesPlot},
	}
	for _, f := range figs {
		p, err := f.draw()
		if err != nil {
			return fmt.Errorf("figure %s: %w", f.fig.Name, err)
		}
		files, err := save(p, dir, f.fig.Name)
		if err != nil {
			return err
		}
		f.fig.Caption += " " + r.sweepCaption()
		r.Figures = append(r.Figures, f.fig)
		r.Files = append(r.Files, files...)
	}
	return nil
}

func (r *Report) strategies() []string { return r.Info.Strategies }

func (r *Report) violationsPlot() (*plot.Plot, error) {
	var ss []series
	for _, st := range r.strategies() {
		s := series{name: st}
		for _, sc := range r.Info.Scenarios {
			s.values = append(s.values, r.safety(sc, st).Per1000)
		}
		ss = append(ss, s)
	}
	return barPlot("Failing runs per 1000 seeds", "per 1000 seeds", r.Info.Scenarios, ss)
}

func (r *Report) safety(scenario, strategy string) ScenarioRow {
	for _, row := range r.Safety {
		if row.Scenario == scenario && row.Strategy == strategy {
			return row
		}
	}
	return ScenarioRow{Per1000: math.NaN()}
}

func (r *Report) loadSeries(value func(LoadRow) float64) ([]float64, []series) {
	var xs []float64
	for _, w := range r.Info.Workers {
		xs = append(xs, float64(w))
	}
	var ss []series
	for _, st := range r.strategies() {
		s := series{name: st}
		for _, w := range r.Info.Workers {
			v := math.NaN()
			for _, row := range r.LoadRows {
				if row.Strategy == st && row.Workers == w {
					v = value(row)
				}
			}
			s.values = append(s.values, v)
		}
		ss = append(ss, s)
	}
	return xs, ss
}

func (r *Report) throughputPlot() (*plot.Plot, error) {
	xs, ss := r.loadSeries(func(l LoadRow) float64 { return l.ActivatedPerMinute })
	return linePlot("Leases activated per virtual minute ("+r.Load+")", "workers", "leases per minute", xs, ss, false)
}

func (r *Report) lockWaitPlot() (*plot.Plot, error) {
	xs, ss := r.loadSeries(func(l LoadRow) float64 { return l.WaitP99.Seconds() })
	return linePlot("Lock wait p99 ("+r.Load+")", "workers", "seconds (virtual)", xs, ss, true)
}

func (r *Report) firstViolationPlot() (*plot.Plot, error) {
	var ss []series
	for _, sched := range r.Info.Scheds {
		s := series{name: sched}
		for _, sc := range r.Info.Scenarios {
			v := math.NaN()
			for _, fv := range r.First {
				if fv.Scenario == sc && fv.Sched == sched {
					v = fv.Seeds
				}
			}
			s.values = append(s.values, v)
		}
		ss = append(ss, s)
	}
	return barPlot("Seeds to first violation (naive)", "seeds", r.Info.Scenarios, ss)
}

func (r *Report) resourcesPlot() (*plot.Plot, error) {
	built, needed := series{name: "built"}, series{name: "needed"}
	for _, st := range r.strategies() {
		var b, n float64
		runs := 0
		for _, row := range r.LoadRows {
			if row.Strategy == st {
				b += row.Built * float64(row.Runs)
				n += row.Needed * float64(row.Runs)
				runs += row.Runs
			}
		}
		built.values = append(built.values, b/float64(max(runs, 1)))
		needed.values = append(needed.values, n/float64(max(runs, 1)))
	}
	return barPlot("Resources built vs needed ("+r.Load+")", "resources per run", r.strategies(), []series{built, needed})
}

// drawTimeline reruns the first failing run of a racy strategy (naive on
// reclaim-race if the sweep has it), stopping at its first violation.
func (r *Report) drawTimeline(recs []Record, dir string) error {
	rec, ok := timelineRecord(recs)
	if !ok {
		return nil
	}
	cfg := rec.Key().RunConfig()
	cfg.Trace, cfg.StopOn = true, firstRaceInvariant(rec)
	res, err := scenarios.Run(cfg)
	if err != nil {
		return fmt.Errorf("timeline rerun %s: %w", rec.Key(), err)
	}
	if len(res.Violations) == 0 {
		return fmt.Errorf("timeline rerun %s: the recorded violation did not recur (hash %s, recorded %s)", rec.Key(), res.HashString(), rec.Hash)
	}
	v := res.Violations[len(res.Violations)-1]
	info := &TimelineInfo{Record: rec, Violation: v.String(), SVG: "timeline.svg", JSON: "timeline.perfetto.json"}
	title := fmt.Sprintf("%s / %s, %d workers, seed %d", rec.Scenario, rec.Strategy, rec.Workers, rec.Seed)
	if err := writeFile(filepath.Join(dir, info.SVG), func(f *os.File) error {
		return WriteTimeline(f, res.Sim.Trace, TimelineOptions{Title: title, Mark: v.Invariant + ": " + v.Detail})
	}); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, info.JSON), func(f *os.File) error {
		return WritePerfetto(f, res.Sim.Trace, title, []string{v.String()})
	}); err != nil {
		return err
	}
	r.Timeline = info
	r.Files = append(r.Files, info.SVG, info.JSON)
	return nil
}

// firstRaceInvariant is the first of the record's violations that belongs
// to its scenario's race.
func firstRaceInvariant(rec Record) string {
	s, err := scenarios.ByName(rec.Scenario)
	for _, v := range rec.Violations {
		if err == nil && slices.Contains(s.Race, v.Invariant) {
			return v.Invariant
		}
	}
	return rec.Violations[0].Invariant
}

func timelineRecord(recs []Record) (Record, bool) {
	var first *Record
	for i, rec := range recs {
		if !rec.Race || len(rec.Violations) == 0 {
			continue
		}
		if rec.Scenario == "reclaim-race" && rec.Strategy == "naive" {
			return rec, true
		}
		if first == nil {
			first = &recs[i]
		}
	}
	if first == nil {
		return Record{}, false
	}
	return *first, true
}

func writeFile(path string, write func(*os.File) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("report %s: %w", filepath.Base(path), err)
	}
	return nil
}

// findings states what the measurements say about the three strategies.
func findings(r *Report) []string {
	var out []string
	sum := func(st string) (runs, failing int) {
		for _, row := range r.Safety {
			if row.Strategy == st {
				runs += row.Runs
				failing += row.Failing
			}
		}
		return runs, failing
	}
	for _, st := range []string{"naive", "global", "slot"} {
		runs, failing := sum(st)
		if runs == 0 {
			continue
		}
		verb := "held: no run broke an invariant"
		if failing > 0 {
			verb = fmt.Sprintf("broke an invariant in %d runs (%.0f per 1000)", failing, 1000*float64(failing)/float64(runs))
		}
		out = append(out, fmt.Sprintf("%s %s over %d runs.", st, verb, runs))
	}
	out = append(out, r.lockWaitFinding(), r.throughputFinding())
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}
