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
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
)

// The figures and findings of the systems other than Drydock: Atlantis's
// lock policies (commands rejected, lock waits, fail-fast against waiting
// with a timeout) and the layer store's reader/writer policies (writer
// wait against reader share). Each system's comparison uses its scenario
// marked Policies. This file draws with its own small helpers so that it
// does not depend on how the Drydock figures are drawn.

// policyWorkers is the worker count the findings quote.
const policyWorkers = 64

// drawSystems draws the systems' figures from recs into dir and adds them,
// their files and their findings to the report. A sweep without a system's
// comparison scenario adds nothing for that system.
func (r *Report) drawSystems(recs []sweep.Record, dir string) error {
	for _, sys := range scenarios.Systems()[1:] {
		sc, runs := policyRuns(sys, recs)
		if len(runs) == 0 {
			continue
		}
		var figs []systemFigure
		switch sys.Name {
		case "atlantis":
			figs = atlantisFigures(sys, sc, runs)
			r.Findings = append(r.Findings, atlantisFindings(sys, sc, runs)...)
		case "layerstore":
			figs = layerFigures(sys, sc, runs)
			r.Findings = append(r.Findings, layerFindings(sys, sc, runs)...)
		}
		for _, f := range figs {
			files, err := f.save(dir)
			if err != nil {
				return fmt.Errorf("figure %s: %w", f.fig.Name, err)
			}
			r.Figures = append(r.Figures, f.fig)
			r.Files = append(r.Files, files...)
		}
	}
	return nil
}

// policyRuns are the records of the system's comparison scenario.
func policyRuns(sys *scenarios.System, recs []sweep.Record) (string, []sweep.Record) {
	for _, s := range sys.Scenarios() {
		if !s.Policies {
			continue
		}
		runs := filter(recs, func(r sweep.Record) bool { return r.Scenario == s.Name })
		return s.Name, runs
	}
	return "", nil
}

// policyRow is one strategy at one worker count (or reader share).
type policyRow struct {
	strategy string
	x        float64
	runs     int
	failing  int
	rejected float64 // mean share of operations rejected
	waitP99  float64 // mean lock-wait p99, seconds
	timeouts float64 // mean lock timeouts per 100 operations
	retries  float64 // mean retries per operation
	writer   float64 // mean max writer wait, seconds
}

// policyRows aggregates runs per named strategy of sys and x, in the
// system's strategy order then x.
func policyRows(sys *scenarios.System, runs []sweep.Record, x func(sweep.Record) float64) []policyRow {
	type key struct {
		strategy string
		x        float64
	}
	var rows []policyRow
	for _, g := range groupBy(runs, func(r sweep.Record) key { return key{r.Strategy, x(r)} }) {
		if !slices.Contains(sys.StrategyNames(), g.key.strategy) {
			continue // an ablation: the comparison is of the named policies
		}
		row := policyRow{strategy: g.key.strategy, x: g.key.x}
		for _, r := range g.recs {
			m := r.Metrics
			row.runs++
			if r.Failed() {
				row.failing++
			}
			row.rejected += m.RejectedShare()
			row.waitP99 += m.LockWaitP99.Seconds()
			row.timeouts += 100 * float64(m.LockTimeouts) / float64(max(m.Operations, 1))
			row.retries += float64(m.Retries) / float64(max(m.Operations, 1))
			row.writer += m.WriterWaitMax.Seconds()
		}
		n := float64(row.runs)
		row.rejected, row.waitP99, row.timeouts, row.retries, row.writer = row.rejected/n, row.waitP99/n, row.timeouts/n, row.retries/n, row.writer/n
		rows = append(rows, row)
	}
	order := sys.StrategyNames()
	slices.SortFunc(rows, func(a, b policyRow) int {
		return cmp.Or(cmp.Compare(slices.Index(order, a.strategy), slices.Index(order, b.strategy)), cmp.Compare(a.x, b.x))
	})
	return rows
}

func workersOf(r sweep.Record) float64 { return float64(r.Workers) }

// policySeries turns rows into one series per strategy over xs.
func policySeries(rows []policyRow, value func(policyRow) float64) ([]float64, []sysSeries) {
	var xs []float64
	var ss []sysSeries
	for _, row := range rows {
		xs = appendUnique(xs, row.x)
	}
	slices.Sort(xs)
	for _, row := range rows {
		i := slices.IndexFunc(ss, func(s sysSeries) bool { return s.name == row.strategy })
		if i < 0 {
			ss = append(ss, sysSeries{name: row.strategy, values: nanValues(len(xs))})
			i = len(ss) - 1
		}
		ss[i].values[slices.Index(xs, row.x)] = value(row)
	}
	return xs, ss
}

func nanValues(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	return out
}

// quotedWorkers is the worker count a finding quotes: policyWorkers if the
// sweep has it, else the largest below it, else the smallest.
func quotedWorkers(rows []policyRow) float64 {
	var xs []float64
	for _, r := range rows {
		xs = appendUnique(xs, r.x)
	}
	slices.Sort(xs)
	best := xs[0]
	for _, x := range xs {
		if x <= policyWorkers {
			best = x
		}
	}
	return best
}

func rowsAt(rows []policyRow, x float64) []policyRow {
	return slices.DeleteFunc(slices.Clone(rows), func(r policyRow) bool { return r.x != x })
}

func joinParts(parts []string) string { return strings.Join(parts, ", ") }

// sysSeries is one named line or bar group.
type sysSeries struct {
	name   string
	values []float64
}

// A panel's size; a figure of two panels side by side is twice as wide.
const (
	sysPanelWidth  = 16 * vg.Centimeter
	sysPanelHeight = 10 * vg.Centimeter
)

// systemFigure is a figure of one or two panels side by side.
type systemFigure struct {
	fig    Figure
	panels []*plot.Plot
}

// save writes the figure as dir/name.png and dir/name.svg.
func (f systemFigure) save(dir string) ([]string, error) {
	width := sysPanelWidth * vg.Length(len(f.panels))
	var files []string
	for _, ext := range []string{"png", "svg"} {
		file := f.fig.Name + "." + ext
		out, err := os.Create(filepath.Join(dir, file))
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		err = f.write(out, ext, width)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("report %s: %w", file, err)
		}
		files = append(files, file)
	}
	return files, nil
}

// write draws the panels side by side on one canvas.
func (f systemFigure) write(out *os.File, ext string, width vg.Length) error {
	var c vg.CanvasSizer
	var png *vgimg.PngCanvas
	var svg *vgsvg.Canvas
	switch ext {
	case "png":
		img := vgimg.NewWith(vgimg.UseWH(width, sysPanelHeight), vgimg.UseDPI(96))
		png = &vgimg.PngCanvas{Canvas: img}
		c = img
	default:
		svg = vgsvg.New(width, sysPanelHeight)
		c = svg
	}
	canvases := plot.Align([][]*plot.Plot{f.panels}, draw.Tiles{Rows: 1, Cols: len(f.panels), PadX: vg.Centimeter}, draw.New(c))
	for i, p := range f.panels {
		p.Draw(canvases[0][i])
	}
	if png != nil {
		_, err := png.WriteTo(out)
		return err
	}
	_, err := svg.WriteTo(out)
	return err
}

// sysLines draws one line with points per series over xs.
func sysLines(title, xlabel, ylabel string, xs []float64, ss []sysSeries, xticks bool) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text, p.Y.Label.Text = xlabel, ylabel
	p.Y.Min = 0
	for i, s := range ss {
		var pts plotter.XYs
		for j, x := range xs {
			if !math.IsNaN(s.values[j]) {
				pts = append(pts, plotter.XY{X: x, Y: s.values[j]})
			}
		}
		if len(pts) == 0 {
			continue
		}
		l, sc, err := plotter.NewLinePoints(pts)
		if err != nil {
			return nil, fmt.Errorf("line %q: %w", s.name, err)
		}
		l.Color, sc.Color, sc.Shape = plotutil.Color(i), plotutil.Color(i), plotutil.Shape(i)
		p.Add(l, sc)
		p.Legend.Add(s.name, l, sc)
	}
	p.Legend.Top, p.Legend.Left = true, true
	p.Y.Max = legendHeadroom(ss)
	if xticks {
		var ticks []plot.Tick
		for _, x := range xs {
			ticks = append(ticks, plot.Tick{Value: x, Label: fmt.Sprint(x)})
		}
		p.X.Tick.Marker = plot.ConstantTicks(ticks)
	}
	return p, nil
}

// sysBars draws grouped bars: one group per category, one bar per series.
func sysBars(title, ylabel string, categories []string, ss []sysSeries) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = ylabel
	p.Y.Min = 0
	w := vg.Points(math.Max(6, 36/float64(max(len(ss), 1))))
	for i, s := range ss {
		values := slices.Clone(s.values)
		for j, v := range values {
			if math.IsNaN(v) {
				values[j] = 0
			}
		}
		bars, err := plotter.NewBarChart(plotter.Values(values), w)
		if err != nil {
			return nil, fmt.Errorf("bars %q: %w", s.name, err)
		}
		bars.Color = plotutil.Color(i)
		bars.LineStyle.Width = 0
		bars.Offset = w * vg.Length(float64(i)-float64(len(ss)-1)/2)
		p.Add(bars)
		p.Legend.Add(s.name, bars)
	}
	p.Legend.Top = true
	p.Y.Max = legendHeadroom(ss)
	p.NominalX(categories...)
	return p, nil
}

// legendHeadroom is a y-axis top a third above the highest value, so that
// the legend in the top corner covers no data.
func legendHeadroom(ss []sysSeries) float64 {
	top := 0.0
	for _, s := range ss {
		for _, v := range s.values {
			if !math.IsNaN(v) {
				top = math.Max(top, v)
			}
		}
	}
	return math.Max(top*1.35, 1)
}
