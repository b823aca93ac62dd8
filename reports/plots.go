package reports

import (
	"fmt"
	"math"
	"os"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// Figure is a plot written as name.png and name.svg, with its caption.
type Figure struct {
	Name    string // file name without extension
	Title   string
	Caption string
}

// series is one named line or bar group.
type series struct {
	name   string
	values []float64
}

const (
	plotWidth  = 16 * vg.Centimeter
	plotHeight = 10 * vg.Centimeter
)

// barPlot draws grouped bars: one group per category, one bar per series.
func barPlot(title, ylabel string, categories []string, ss []series) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = ylabel
	p.Y.Min = 0
	w := vg.Points(math.Max(6, 40/float64(max(len(ss), 1))))
	for i, s := range ss {
		bars, err := plotter.NewBarChart(plotter.Values(zeroNaN(s.values)), w)
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
	p.NominalX(categories...)
	p.X.Tick.Label.Rotation = math.Pi / 8
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = -0.9, -0.6
	return p, nil
}

// linePlot draws one line with points per series over shared x values.
func linePlot(title, xlabel, ylabel string, xs []float64, ss []series, legendTop bool) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text, p.Y.Label.Text = xlabel, ylabel
	p.Y.Min = 0
	for i, s := range ss {
		pts := make(plotter.XYs, 0, len(xs))
		for j, x := range xs {
			if j < len(s.values) && !math.IsNaN(s.values[j]) {
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
		l.Color, sc.Color = plotutil.Color(i), plotutil.Color(i)
		sc.Shape = plotutil.Shape(i)
		p.Add(l, sc)
		p.Legend.Add(s.name, l, sc)
	}
	p.Legend.Top, p.Legend.Left = legendTop, legendTop
	p.X.Tick.Marker = plot.ConstantTicks(ticks(xs))
	return p, nil
}

func ticks(xs []float64) []plot.Tick {
	out := make([]plot.Tick, len(xs))
	for i, x := range xs {
		out[i] = plot.Tick{Value: x, Label: fmt.Sprint(x)}
	}
	return out
}

func zeroNaN(vs []float64) []float64 {
	out := make([]float64, len(vs))
	for i, v := range vs {
		if !math.IsNaN(v) {
			out[i] = v
		}
	}
	return out
}

// save writes p as dir/name.png and dir/name.svg and returns their names.
func save(p *plot.Plot, dir, name string) ([]string, error) {
	var files []string
	for _, ext := range []string{"png", "svg"} {
		file := name + "." + ext
		wt, err := p.WriterTo(plotWidth, plotHeight, ext)
		if err != nil {
			return nil, fmt.Errorf("plot %s: %w", file, err)
		}
		f, err := os.Create(filepath.Join(dir, file))
		if err != nil {
			return nil, fmt.Errorf("plot %s: %w", file, err)
		}
		_, err = wt.WriteTo(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("plot %s: %w", file, err)
		}
		files = append(files, file)
	}
	return files, nil
}
