package reports

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is a plot written as name.png and name.svg, with its caption.
type Figure struct {
	Name    string // file name without extension
	Title   string
	Caption string
}

// series is one named line or bar group, in one colour.
type series struct {
	name   string
	values []float64
	colour color.Color
}

// chart is a figure ready to draw at its size: a plot with its legend
// beside it, or a grid of small multiples.
type chart struct {
	w, h vg.Length
	draw func(dc draw.Canvas)
}

const (
	plotWidth  = 18 * vg.Centimeter
	plotHeight = 10 * vg.Centimeter
	pngDPI     = 110
)

// withLegend draws p with its legend in a column to the right of the
// data, where it can hide nothing.
func withLegend(p *plot.Plot, leg plot.Legend, w, h vg.Length) chart {
	return chart{w: w, h: h, draw: func(dc draw.Canvas) {
		fillWhite(dc)
		legW := leg.Rectangle(dc).Size().X + vg.Points(14)
		p.Draw(draw.Crop(dc, 0, -legW, 0, 0))
		leg.Top, leg.Left = true, true
		leg.Draw(draw.Crop(dc, dc.Size().X-legW+vg.Points(6), 0, 0, -vg.Points(28)))
	}}
}

func fillWhite(dc draw.Canvas) {
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
}

func newLegend() plot.Legend {
	leg := plot.NewLegend()
	leg.TextStyle.Font.Size = vg.Points(10)
	leg.Padding = vg.Points(3)
	return leg
}

// barPlot draws grouped horizontal bars: one group per category (top to
// bottom, in order), one bar per series, each series in its colour, so
// long scenario names read level and are never clipped. Every bar carries
// its value; a zero bar is a stub on the axis labelled 0, and a missing
// one says n/a. The value axis starts at 0 and leaves room for the labels,
// and an all-zero chart still gets a 0..1 axis.
func barPlot(title, xlabel string, categories []string, ss []series) (*plot.Plot, plot.Legend, error) {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xlabel
	w := barWidth(len(ss))
	leg := newLegend()
	top := 0.0
	for i, s := range ss {
		values := reversedValues(s.values) // NominalY counts from the bottom
		bars, err := plotter.NewBarChart(plotter.Values(zeroNaN(values)), w)
		if err != nil {
			return nil, leg, fmt.Errorf("bars %q: %w", s.name, err)
		}
		bars.Horizontal = true
		bars.Color = s.colour
		bars.LineStyle.Width = 0
		bars.Offset = w * vg.Length(float64(len(ss)-1)/2-float64(i)) // the first series on top
		p.Add(bars, &barLabels{values: values, offset: bars.Offset, width: w, colour: s.colour})
		leg.Add(s.name, bars)
		for _, v := range s.values {
			if !math.IsNaN(v) {
				top = math.Max(top, v)
			}
		}
	}
	p.X.Min, p.X.Max = 0, headroom(top)
	p.X.Tick.Marker = cleanTicks{}
	p.NominalY(reversedStrings(categories)...)
	return p, leg, nil
}

// barWidth is each bar's thickness: groups stay about 36 points deep.
func barWidth(series int) vg.Length {
	return vg.Points(math.Min(12, math.Max(5, 36/float64(max(series, 1)))))
}

func reversedValues(vs []float64) []float64 {
	out := make([]float64, len(vs))
	for i, v := range vs {
		out[len(vs)-1-i] = v
	}
	return out
}

func reversedStrings(ss []string) []string {
	out := make([]string, len(ss))
	for i, v := range ss {
		out[len(ss)-1-i] = v
	}
	return out
}

// bars is a bar plot with its legend beside it, as tall as its groups
// need.
func bars(title, xlabel string, categories []string, ss []series) (chart, error) {
	p, leg, err := barPlot(title, xlabel, categories, ss)
	if err != nil {
		return chart{}, err
	}
	group := barWidth(len(ss))*vg.Length(len(ss)) + vg.Points(10)
	h := max(plotHeight, group*vg.Length(len(categories))+3*vg.Centimeter)
	return withLegend(p, leg, plotWidth, h), nil
}

// headroom is an axis maximum that leaves space past the longest bar for
// its label; 1 when everything is zero.
func headroom(top float64) float64 {
	if top <= 0 {
		return 1
	}
	return top * 1.15
}

// barLabels writes each bar's value past its end, and draws a zero bar as
// a stub on the axis so it is not mistaken for a missing one.
type barLabels struct {
	values        []float64
	offset, width vg.Length
	colour        color.Color
}

func (b *barLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := text.Style{Color: color.Black, Font: font.From(plot.DefaultFont, vg.Points(8)),
		XAlign: draw.XLeft, YAlign: draw.YCenter, Handler: plot.DefaultTextHandler}
	for i, v := range b.values {
		y := trY(float64(i)) + b.offset
		x := trX(0)
		label := "n/a"
		if !math.IsNaN(v) {
			label, x = shortNumber(v), trX(v)
		}
		if v == 0 {
			c.StrokeLine2(draw.LineStyle{Color: b.colour, Width: vg.Points(2.5)}, x, y-b.width/2, x, y+b.width/2)
		}
		c.FillText(sty, vg.Point{X: x + vg.Points(3), Y: y}, label)
	}
}

// shortNumber prints a bar's value in a few characters: three
// significant digits, whole numbers from 100, thousands as k from 10000.
func shortNumber(v float64) string {
	switch {
	case math.Abs(v) >= 10000:
		return fmt.Sprintf("%.0fk", v/1000)
	case math.Abs(v) >= 100:
		return fmt.Sprintf("%.0f", v)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// cleanTicks are gonum's default ticks with labels as short as the value
// allows ("25", not "25.00").
type cleanTicks struct{}

func (cleanTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(lo, hi)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = strconv.FormatFloat(ts[i].Value, 'g', 4, 64)
		}
	}
	return ts
}

// spreadSeries is one strategy's line over worker counts with its band.
type spreadSeries struct {
	name    string
	colour  color.Color
	xs      []float64
	spreads []Spread
	shapeOf int // which point shape
}

// spreadPlot draws each series' mean as a line with points, over a
// 10th-90th percentile band, against worker counts on a log2 axis.
func spreadPlot(title, xlabel, ylabel string, workers []float64, ss []spreadSeries) (*plot.Plot, plot.Legend, error) {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text, p.Y.Label.Text = xlabel, ylabel
	leg := newLegend()
	top := 0.0
	for _, s := range ss {
		mean := plotter.XYs{}
		for i, sp := range s.spreads {
			if !math.IsNaN(sp.Mean) {
				mean = append(mean, plotter.XY{X: s.xs[i], Y: sp.Mean})
				top = math.Max(top, sp.P90)
			}
		}
		if len(mean) == 0 {
			continue
		}
		if poly := bandPolygon(s); poly != nil {
			p.Add(poly)
		}
		l, sc, err := plotter.NewLinePoints(mean)
		if err != nil {
			return nil, leg, fmt.Errorf("line %q: %w", s.name, err)
		}
		l.Color, sc.Color, sc.Shape = s.colour, s.colour, plotutil.Shape(s.shapeOf)
		l.Width = vg.Points(1.5)
		p.Add(l, sc)
		leg.Add(s.name, l, sc)
	}
	p.Y.Min, p.Y.Max = 0, 1
	if top > 0 {
		p.Y.Max = top * 1.08
	}
	p.Y.Tick.Marker = cleanTicks{}
	log2Axis(p, workers)
	return p, leg, nil
}

// bandPolygon shades a series' 10th-90th percentile band; nil when no
// point has more than one run.
func bandPolygon(s spreadSeries) *plotter.Polygon {
	var lo, hi plotter.XYs
	spread := false
	for i, sp := range s.spreads {
		if math.IsNaN(sp.Mean) {
			continue
		}
		lo = append(lo, plotter.XY{X: s.xs[i], Y: sp.P10})
		hi = append(hi, plotter.XY{X: s.xs[i], Y: sp.P90})
		spread = spread || sp.P90 > sp.P10
	}
	if !spread || len(lo) < 2 {
		return nil
	}
	ring := append(lo, reversed(hi)...)
	poly, err := plotter.NewPolygon(ring)
	if err != nil {
		return nil
	}
	c := color.NRGBAModel.Convert(s.colour).(color.NRGBA)
	c.A = 0x38
	poly.Color, poly.LineStyle.Width = c, 0
	return poly
}

func reversed(xys plotter.XYs) plotter.XYs {
	out := make(plotter.XYs, len(xys))
	for i, xy := range xys {
		out[len(xys)-1-i] = xy
	}
	return out
}

// log2Axis puts worker counts on a logarithmic x axis (powers of two are
// evenly spaced) with a tick at each.
func log2Axis(p *plot.Plot, xs []float64) {
	if len(xs) == 0 {
		return
	}
	lo, hi := xs[0], xs[len(xs)-1]
	p.X.Scale = plot.LogScale{}
	p.X.Min, p.X.Max = lo/1.25, hi*1.25
	p.X.Tick.Marker = plot.ConstantTicks(ticks(xs))
}

func ticks(xs []float64) []plot.Tick {
	out := make([]plot.Tick, len(xs))
	for i, x := range xs {
		out[i] = plot.Tick{Value: x, Label: fmt.Sprint(x)}
	}
	return out
}

// grid draws small multiples: one panel per plot, cols across, and the
// legend in its own tile after the last panel (or beside the grid).
func grid(title string, panels []*plot.Plot, leg plot.Legend, cols int) chart {
	rows := (len(panels) + cols) / cols // one more tile than panels, for the legend
	w, h := vg.Length(cols)*9*vg.Centimeter, vg.Length(rows)*6.5*vg.Centimeter+vg.Centimeter
	return chart{w: w, h: h, draw: func(dc draw.Canvas) {
		fillWhite(dc)
		sty := text.Style{Color: color.Black, Font: font.From(plot.DefaultFont, vg.Points(13)), XAlign: draw.XCenter, Handler: plot.DefaultTextHandler}
		dc.FillText(sty, vg.Point{X: dc.Center().X, Y: dc.Max.Y - vg.Points(18)}, title)
		body := draw.Crop(dc, 0, 0, 0, -vg.Centimeter)
		table := make([][]*plot.Plot, rows)
		for r := range table {
			table[r] = make([]*plot.Plot, cols)
			for c := range table[r] {
				if i := r*cols + c; i < len(panels) {
					table[r][c] = panels[i]
				}
			}
		}
		tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Millimeter * 3, PadY: vg.Millimeter * 3, PadTop: vg.Millimeter, PadBottom: vg.Millimeter, PadLeft: vg.Millimeter, PadRight: vg.Millimeter}
		canvases := plot.Align(table, tiles, body)
		for r := range table {
			for c, p := range table[r] {
				if p != nil {
					p.Draw(canvases[r][c])
				}
			}
		}
		last := len(panels)
		leg.Top, leg.Left = true, true
		leg.Draw(draw.Crop(tiles.At(body, last%cols, last/cols), vg.Centimeter, 0, 0, -vg.Centimeter))
	}}
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

// save writes a chart as dir/name.png and dir/name.svg and returns their
// names.
func save(c chart, dir, name string) ([]string, error) {
	var files []string
	for _, ext := range []string{"png", "svg"} {
		file := name + "." + ext
		err := writeFile(filepath.Join(dir, file), func(f *os.File) error {
			wt := render(c, ext)
			_, err := wt.WriteTo(f)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("plot %s: %w", file, err)
		}
		files = append(files, file)
	}
	return files, nil
}

func render(c chart, ext string) io.WriterTo {
	if ext == "svg" {
		canvas := vgsvg.New(c.w, c.h)
		c.draw(draw.New(canvas))
		return canvas
	}
	canvas := vgimg.NewWith(vgimg.UseWH(c.w, c.h), vgimg.UseDPI(pngDPI))
	c.draw(draw.New(canvas))
	return vgimg.PngCanvas{Canvas: canvas}
}
