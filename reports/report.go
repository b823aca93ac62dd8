package reports

import (
	"cmp"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// Report is everything a report page shows, computed from records alone
// and, for the timeline, the trace of one failing run it is handed.
type Report struct {
	Info SweepInfo
	// drydock describes Drydock's records alone: its figures draw its
	// scenarios and strategies, not the other systems' (drawSystems).
	drydock  SweepInfo
	Load     string        // the scenario the load figures use
	Baseline string        // the strategy with none of the fixes, whose first violations are plotted
	Safety   []ScenarioRow // Drydock's scenarios
	// Systems are the other systems' safety tables, one per system the
	// sweep ran, in the order scenarios.Systems lists them.
	Systems  []SystemSafety
	LoadRows []LoadRow
	Points   []LoadPoint // every scenario's load, with its spread
	Builds   []BuildCount
	First    []FirstViolation
	Findings []string
	Figures  []Figure
	Timeline *TimelineInfo
	Files    []string // every file written, relative to the output directory
}

// TimelineInfo is the failing run the timeline and trace export show.
type TimelineInfo struct {
	Record    sweep.Record
	Violation string
	SVG, JSON string
}

// Story is one failing run for the report to draw: a record and the trace
// of its rerun up to its first race violation (see StoryRecord).
type Story struct {
	Record    sweep.Record
	Trace     *sim.Trace
	Violation scenarios.Violation
}

// Generate writes the report for records into dir: the figures as PNG and
// SVG, index.html and REPORT.md, and, given a story, its timeline and
// Perfetto trace. The same records and story give byte-identical files.
func Generate(recs []sweep.Record, story *Story, dir string) (*Report, error) {
	if len(recs) == 0 {
		return nil, fmt.Errorf("%w: no records to report on", sweep.ErrSweep)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	// Drydock's figures compare its strategies; the other systems draw
	// their own (drawSystems), so a mixed sweep adds no foreign bars.
	dd := drydockRecords(recs)
	r := &Report{Info: Describe(recs), Safety: SafetyTable(dd), Baseline: baseline(), Builds: Builds(recs)}
	r.drydock = Describe(dd)
	r.First = SeedsToFirstViolation(dd, r.Baseline)
	r.Load = loadScenario(dd)
	r.LoadRows = LoadTable(dd, r.Load)
	r.Points = LoadPoints(dd)
	r.Systems = systemSafety(recs)
	r.Findings = findings(r)
	if len(dd) > 0 { // a sweep of the other systems alone has no Drydock figures
		if err := r.drawFigures(dir); err != nil {
			return nil, err
		}
	}
	if err := r.drawSystems(recs, dir); err != nil {
		return nil, err
	}
	if story != nil {
		if err := r.drawTimeline(story, dir); err != nil {
			return nil, err
		}
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

// loadScenario is the scenario marked for load figures (scenarios.Load)
// if the sweep has it, else the scenario with the most records.
func loadScenario(recs []sweep.Record) string {
	best, n := "", 0
	for _, g := range groupBy(recs, func(r sweep.Record) string { return r.Scenario }) {
		if s, err := scenarios.ByName(g.key); err == nil && s.Load {
			return g.key
		}
		if len(g.recs) > n {
			best, n = g.key, len(g.recs)
		}
	}
	return best
}

// sweepCaption states the sweep behind every figure and table, once, at
// the top of the page: what ran, and with which build.
func (r *Report) sweepCaption() string {
	i := r.Info
	var builds []string
	for _, b := range r.Builds {
		name := cmp.Or(b.Build, "unrecorded")
		if len(r.Builds) > 1 {
			name += fmt.Sprintf(" (%d runs)", b.Runs)
		}
		builds = append(builds, name)
	}
	return fmt.Sprintf("Sweep: %d runs; scenarios %s; strategies %s; workers %s; schedulers %s; %d seeds each (seeds %d-%d); build %s.",
		i.Runs, strings.Join(i.Scenarios, ", "), strings.Join(i.Strategies, ", "), joinInts(i.Workers),
		strings.Join(i.Scheds, ", "), i.SeedsPerCombination, i.First, i.LastSeed, strings.Join(builds, ", "))
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ", ")
}

func (r *Report) drawFigures(dir string) error {
	base := r.Baseline
	figs := []struct {
		fig  Figure
		draw func() (chart, error)
	}{
		{Figure{"violations", "Failing runs per 1000 seeds", "Drydock's scenarios (the other systems have their own figures below): runs that broke an invariant (deadlocks, budgets and panics included; measured invariants such as the reclaim stall excluded) per 1000 seeds, by scenario and strategy. A 0 is drawn as a stub on the axis."}, r.violationsPlot},
		{Figure{"stalls", "Stalled runs per 1000 seeds", "Drydock's scenarios: runs that showed a measured invariant (the reclaim stall: a lease that yields for ever behind a refused reclaim) per 1000 seeds, by scenario and strategy. Measured, not failures: it is Drydock's behaviour, and the one safety difference between the coarse and the reference strategy."}, r.stallsPlot},
		{Figure{"throughput", "Leases activated per virtual minute", "Every Drydock scenario, one panel each: leases activated divided by the virtual minutes from the first request to the last activation. Line: the mean over seeds and schedulers; band: the 10th to 90th percentile of runs. Workers on a log2 axis."}, r.throughputPlot},
		{Figure{"lockwait", "Lock wait p99", "Every Drydock scenario, one panel each: each run's 99th percentile of object-lock waits, in virtual seconds (the coarse strategy's one lock included). Line: the mean of the per-run p99s over seeds and schedulers; band: their 10th to 90th percentile. Workers on a log2 axis."}, r.lockWaitPlot},
		{Figure{"first-violation", "Seeds to first violation", fmt.Sprintf("Strategy %s (none of the fixes): the rank of the first seed that broke one of the scenario's race invariants, by scheduler, averaged over worker counts; n/a: none in the sweep.", base)}, r.firstViolationPlot},
		{Figure{"resources", "Resources built per resource needed", "Drydock's scenarios: resources built, divided by the fewest that could have served the peak of leases linked at once, summed over every run, by scenario and strategy: 1 builds nothing more than needed."}, r.resourcesPlot},
	}
	for _, f := range figs {
		c, err := f.draw()
		if err != nil {
			return fmt.Errorf("figure %s: %w", f.fig.Name, err)
		}
		files, err := save(c, dir, f.fig.Name)
		if err != nil {
			return err
		}
		r.Figures = append(r.Figures, f.fig)
		r.Files = append(r.Files, files...)
	}
	return nil
}

func (r *Report) strategies() []string { return r.drydock.Strategies }

// byScenario is one bar series per strategy over the sweep's scenarios.
func (r *Report) byScenario(value func(ScenarioRow) float64) []series {
	var ss []series
	for _, st := range r.strategies() {
		s := series{name: st, colour: StrategyColour(st)}
		for _, sc := range r.drydock.Scenarios {
			row := r.safety(sc, st)
			v := math.NaN()
			if row.Runs > 0 {
				v = value(row)
			}
			s.values = append(s.values, v)
		}
		ss = append(ss, s)
	}
	return ss
}

func (r *Report) violationsPlot() (chart, error) {
	return bars("Failing runs per 1000 seeds", "failing runs per 1000 seeds", r.drydock.Scenarios,
		r.byScenario(func(row ScenarioRow) float64 { return row.Per1000 }))
}

func (r *Report) stallsPlot() (chart, error) {
	return bars("Stalled runs per 1000 seeds (measured, not failures)", "stalled runs per 1000 seeds", r.drydock.Scenarios,
		r.byScenario(func(row ScenarioRow) float64 { return 1000 * float64(row.Stalls) / float64(row.Runs) }))
}

func (r *Report) safety(scenario, strategy string) ScenarioRow {
	for _, row := range r.Safety {
		if row.Scenario == scenario && row.Strategy == strategy {
			return row
		}
	}
	return ScenarioRow{Per1000: math.NaN()}
}

// loadPanels draws one panel per scenario of a load metric against
// workers, and the legend they share.
func (r *Report) loadPanels(ylabel string, metric func(LoadPoint) Spread) ([]*plot.Plot, plot.Legend, error) {
	var xs []float64
	for _, w := range r.drydock.Workers {
		xs = append(xs, float64(w))
	}
	var panels []*plot.Plot
	var leg plot.Legend
	for _, sc := range r.drydock.Scenarios {
		var ss []spreadSeries
		for i, st := range r.strategies() {
			s := spreadSeries{name: st, colour: StrategyColour(st), xs: xs, shapeOf: i}
			for _, w := range r.drydock.Workers {
				s.spreads = append(s.spreads, r.loadPoint(sc, st, w, metric))
			}
			ss = append(ss, s)
		}
		p, l, err := spreadPlot(sc, "workers (log2)", ylabel, xs, ss)
		if err != nil {
			return nil, leg, err
		}
		p.Title.TextStyle.Font.Size = vg.Points(11)
		panels, leg = append(panels, p), l
	}
	leg.Add("band: 10th-90th percentile of runs")
	return panels, leg, nil
}

func (r *Report) loadPoint(scenario, strategy string, workers int, metric func(LoadPoint) Spread) Spread {
	for _, p := range r.Points {
		if p.Scenario == scenario && p.Strategy == strategy && p.Workers == workers {
			return metric(p)
		}
	}
	return Spread{Mean: math.NaN(), P10: math.NaN(), P90: math.NaN()}
}

func (r *Report) throughputPlot() (chart, error) {
	panels, leg, err := r.loadPanels("leases / virtual minute (mean)", func(p LoadPoint) Spread { return p.Throughput })
	if err != nil {
		return chart{}, err
	}
	return grid("Leases activated per virtual minute, by scenario", panels, leg, 3), nil
}

func (r *Report) lockWaitPlot() (chart, error) {
	panels, leg, err := r.loadPanels("mean of per-run p99s (virtual s)", func(p LoadPoint) Spread { return p.WaitP99 })
	if err != nil {
		return chart{}, err
	}
	return grid("Lock wait p99, by scenario", panels, leg, 3), nil
}

// firstViolationPlot draws the baseline strategy in its colour, one shade
// per scheduler.
func (r *Report) firstViolationPlot() (chart, error) {
	var ss []series
	for i, sched := range r.drydock.Scheds {
		s := series{name: r.Baseline + ", " + sched, colour: lighter(StrategyColour(r.Baseline), 0.45*float64(i))}
		for _, sc := range r.drydock.Scenarios {
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
	return bars("Seeds to first violation ("+r.Baseline+")", "rank of the first racing seed", r.drydock.Scenarios, ss)
}

func (r *Report) resourcesPlot() (chart, error) {
	return bars("Resources built per resource needed", "built / needed (1: no waste)", r.drydock.Scenarios,
		r.byScenario(func(row ScenarioRow) float64 {
			if row.Needed == 0 {
				return math.NaN()
			}
			return float64(row.Built) / float64(row.Needed)
		}))
}

// drawTimeline draws the story's run as an SVG timeline and exports it
// as a Perfetto trace.
func (r *Report) drawTimeline(story *Story, dir string) error {
	rec, v := story.Record, story.Violation
	info := &TimelineInfo{Record: rec, Violation: v.String(), SVG: "timeline.svg", JSON: "timeline.perfetto.json"}
	title := fmt.Sprintf("%s / %s, %d workers, seed %d", rec.Scenario, rec.Strategy, rec.Workers, rec.Seed)
	if err := writeFile(filepath.Join(dir, info.SVG), func(f *os.File) error {
		return WriteTimeline(f, story.Trace, TimelineOptions{Title: title, Mark: v.Invariant + ": " + v.Detail})
	}); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, info.JSON), func(f *os.File) error {
		return WritePerfetto(f, story.Trace, title, []string{v.String()})
	}); err != nil {
		return err
	}
	r.Timeline = info
	r.Files = append(r.Files, info.SVG, info.JSON)
	return nil
}

// FirstRaceInvariant is the first of the record's violations that belongs
// to its scenario's race (or its first violation): where a rerun of the
// record should stop to tell its story.
func FirstRaceInvariant(rec sweep.Record) string {
	s, err := scenarios.ByName(rec.Scenario)
	for _, v := range rec.Violations {
		if err == nil && s.IsRace(v.Invariant) {
			return v.Invariant
		}
	}
	if len(rec.Violations) == 0 {
		return ""
	}
	return rec.Violations[0].Invariant
}

// StoryRecord picks the failing run a report tells the story of: the
// baseline strategy on the headline scenario (scenarios.Headline) if the
// sweep has such a run, else the first record that shows its race.
func StoryRecord(recs []sweep.Record) (sweep.Record, bool) {
	var first *sweep.Record
	base := baseline()
	for i, rec := range recs {
		if !rec.Race || len(rec.Violations) == 0 {
			continue
		}
		if s, err := scenarios.ByName(rec.Scenario); err == nil && s.Headline && rec.Strategy == base {
			return rec, true
		}
		if first == nil {
			first = &recs[i]
		}
	}
	if first == nil {
		return sweep.Record{}, false
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
	for _, st := range named() {
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
	out = append(out, r.stallFinding(), r.lockWaitFinding(), r.throughputFinding())
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}

// SystemSafety is one system's safety table (a system other than Drydock).
type SystemSafety struct {
	System string // scenarios.System.Name
	Doc    string // what the system models, one line
	Rows   []ScenarioRow
}

// systemSafety tables the records of every system but Drydock, whose
// rows SafetyTable(drydockRecords) already holds.
func systemSafety(recs []sweep.Record) []SystemSafety {
	var out []SystemSafety
	for _, sys := range scenarios.Systems()[1:] {
		mine := slices.DeleteFunc(slices.Clone(recs), func(rec sweep.Record) bool {
			s, err := scenarios.ByName(rec.Scenario)
			return err != nil || s.System().Name != sys.Name
		})
		if len(mine) > 0 {
			out = append(out, SystemSafety{System: sys.Name, Doc: sys.Doc, Rows: SafetyTable(mine)})
		}
	}
	return out
}

// drydockRecords are the records of Drydock's scenarios (and of scenarios
// this build no longer knows, which can only be Drydock's older ones).
func drydockRecords(recs []sweep.Record) []sweep.Record {
	var out []sweep.Record
	for _, rec := range recs {
		if s, err := scenarios.ByName(rec.Scenario); err != nil || s.System().Name == "drydock" {
			out = append(out, rec)
		}
	}
	return out
}
