package reports

import (
	"cmp"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"

	"github.com/drysim/drysim/sim"
)

// TimelineOptions shape a timeline drawing.
type TimelineOptions struct {
	Title    string
	Window   int    // steps shown, ending at the last one (0: 240)
	MaxLanes int    // tasks shown, the busiest in the window (0: 14)
	Mark     string // what the last step did wrong, drawn as a red line
}

const (
	laneHeight = 26
	leftMargin = 150
	topMargin  = 48
	stepWidth  = 4.0
)

// WriteTimeline draws the end of a run as SVG: a lane per task, lock holds
// as bars, every other event as a tick, and the final step (the violation)
// marked in red. The x axis is steps, so each interleaving is visible even
// when many steps share one virtual instant.
func WriteTimeline(w io.Writer, tr *sim.Trace, opts TimelineOptions) error {
	window, lanesMax := cmpOr(opts.Window, 240), cmpOr(opts.MaxLanes, 14)
	last := int64(tr.Len())
	first := max(last-int64(window)+1, 1)
	lanes := busiestTasks(tr, first, lanesMax)
	width := leftMargin + int(float64(last-first+1)*stepWidth) + 40
	height := topMargin + len(lanes)*laneHeight + 40
	x := func(step int64) float64 { return leftMargin + float64(step-first)*stepWidth }
	lane := map[int32]int{}
	for i, t := range lanes {
		lane[t] = i
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">`+"\n", width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="8" y="18" font-size="13" font-weight="bold">%s</text>`+"\n", html.EscapeString(opts.Title))
	fmt.Fprintf(&b, `<text x="8" y="34" fill="#555">steps %d to %d (virtual +%v to +%v); bars: lock held; ticks: other events</text>`+"\n",
		first, last, tr.At(int(first-1)).Time, tr.At(int(last-1)).Time)
	drawLanes(&b, tr, lanes, width)
	drawHolds(&b, tr, first, lane, x)
	drawTicks(&b, tr, first, last, lane, x)
	mx := x(last)
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="red" stroke-width="2"/>`+"\n", mx, topMargin-6, mx, height-30)
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="red" text-anchor="end">%s</text>`+"\n", mx, height-14, html.EscapeString(opts.Mark))
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// busiestTasks picks the tasks with the most events in the window, shown
// in task order.
func busiestTasks(tr *sim.Trace, first int64, n int) []int32 {
	counts := map[int32]int{}
	for i := int(first - 1); i < tr.Len(); i++ {
		if e := tr.At(i); e.Task != sim.KernelTask {
			counts[e.Task]++
		}
	}
	var tasks []int32
	for t := range counts { //drysim:order-independent: sorted below
		tasks = append(tasks, t)
	}
	slices.SortFunc(tasks, func(a, b int32) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	tasks = tasks[:min(n, len(tasks))]
	slices.Sort(tasks)
	return tasks
}

func drawLanes(b *strings.Builder, tr *sim.Trace, lanes []int32, width int) {
	for i, t := range lanes {
		y := topMargin + i*laneHeight
		fill := "#f6f6f6"
		if i%2 == 1 {
			fill = "#ffffff"
		}
		fmt.Fprintf(b, `<rect x="0" y="%d" width="%d" height="%d" fill="%s"/>`+"\n", y, width, laneHeight, fill)
		fmt.Fprintf(b, `<text x="8" y="%d">%s</text>`+"\n", y+17, html.EscapeString(tr.TaskName(t)))
	}
}

func drawHolds(b *strings.Builder, tr *sim.Trace, first int64, lane map[int32]int, x func(int64) float64) {
	for _, h := range tr.LockHolds() {
		i, ok := lane[h.Task]
		if !ok || h.To < first {
			continue
		}
		from := max(h.From, first)
		x0, x1 := x(from), x(h.To)+stepWidth
		y := topMargin + i*laneHeight + 4
		fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="%.1f" height="18" fill="#7aa6d8" stroke="#2c5d94"><title>%s held steps %d-%d</title></rect>`+"\n",
			x0, y, x1-x0, html.EscapeString(h.Lock), h.From, h.To)
		if x1-x0 > 7*float64(len(h.Lock)) {
			fmt.Fprintf(b, `<text x="%.1f" y="%d" fill="#10304f">%s</text>`+"\n", x0+3, y+13, html.EscapeString(h.Lock))
		}
	}
}

func drawTicks(b *strings.Builder, tr *sim.Trace, first, last int64, lane map[int32]int, x func(int64) float64) {
	for s := first; s <= last; s++ {
		e := tr.At(int(s - 1))
		i, ok := lane[e.Task]
		if !ok {
			continue
		}
		y := topMargin + i*laneHeight
		fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="2" height="%d" fill="%s"><title>step %d +%v %s %s</title></rect>`+"\n",
			x(s)+1, y+2, laneHeight-4, tickColor(e.Kind), s, e.Time, e.Kind, html.EscapeString(tr.Detail(e)))
	}
}

func tickColor(k sim.Kind) string {
	switch k {
	case sim.KindLock, sim.KindLockTimeout, sim.KindTryLock, sim.KindUnlock:
		return "#2c5d94"
	case sim.KindSleep, sim.KindWake, sim.KindTimer:
		return "#9a9a9a"
	case sim.KindPoint:
		return "#e08a1e"
	}
	return "#555555"
}

func cmpOr(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}
