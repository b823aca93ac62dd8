package reports

import (
	"cmp"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/scenarios"
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
	laneHeight   = 26
	leftMargin   = 170
	topMargin    = 64
	stepWidth    = 4.0
	axisHeight   = 46
	legendHeight = 40
)

// timeline is one drawing's geometry.
type timeline struct {
	tr          *sim.Trace
	first, last int64
	lanes       []int32
	lane        map[int32]int
	width       int
	other       int32 // the other actor's task, or -1
	otherStep   int64 // its last step that acted, 0 if none
}

func (t *timeline) x(step int64) float64 { return leftMargin + float64(step-t.first)*stepWidth }

func (t *timeline) lanesBottom() int { return topMargin + len(t.lanes)*laneHeight }

// WriteTimeline draws the end of a run as SVG: a lane per task, lock holds
// as bars, every other event as a tick, the final step (the violation)
// marked in red, and the other actor of the race (the last other task to
// change the store before it) marked in yellow. The x axis is steps, so
// each interleaving is visible even when many steps share one virtual
// instant; the axis below gives the virtual time at its ticks, and a
// legend says what each mark is.
func WriteTimeline(w io.Writer, tr *sim.Trace, opts TimelineOptions) error {
	window, lanesMax := cmpOr(opts.Window, 240), cmpOr(opts.MaxLanes, 14)
	t := &timeline{tr: tr, last: int64(tr.Len())}
	t.first = max(t.last-int64(window)+1, 1)
	t.other, t.otherStep = otherActor(tr, t.first, t.last)
	t.lanes = busiestTasks(tr, t.first, lanesMax, t.other)
	t.width = max(leftMargin+int(float64(t.last-t.first+1)*stepWidth)+40, 980) // room for the legend
	t.lane = map[int32]int{}
	for i, task := range t.lanes {
		t.lane[task] = i
	}
	height := t.lanesBottom() + axisHeight + legendHeight
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">`+"\n", t.width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="8" y="18" font-size="13" font-weight="bold">%s</text>`+"\n", html.EscapeString(opts.Title))
	fmt.Fprintf(&b, `<text x="8" y="34" fill="#555">steps %d to %d (virtual +%v to +%v), the run's last %d steps</text>`+"\n",
		t.first, t.last, tr.At(int(t.first-1)).Time, tr.At(int(t.last-1)).Time, t.last-t.first+1)
	t.drawLanes(&b)
	t.drawHolds(&b)
	t.drawTicks(&b)
	t.drawHoldLabels(&b)
	t.drawMarks(&b, opts.Mark)
	t.drawAxis(&b)
	t.drawLegend(&b, t.lanesBottom()+axisHeight)
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// otherActor is the race's other actor: the last task other than the
// violating one to take a store step that is not a read (store.*) or
// queue machinery, within the window. It returns -1 if there is none.
func otherActor(tr *sim.Trace, first, last int64) (int32, int64) {
	violator := tr.At(int(last - 1)).Task
	for s := last - 1; s >= first; s-- {
		e := tr.At(int(s - 1))
		if e.Task == violator || e.Task == sim.KernelTask || e.Kind != sim.KindPoint {
			continue
		}
		label := tr.ObjName(e.Obj)
		if strings.HasPrefix(label, "store.") || strings.HasPrefix(label, "queue.") || scenarios.Quiet(label) {
			continue
		}
		return e.Task, s
	}
	return -1, 0
}

// busiestTasks picks the tasks with the most events in the window, always
// including must (if >= 0), shown in task order.
func busiestTasks(tr *sim.Trace, first int64, n int, must int32) []int32 {
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
	if must >= 0 && !slices.Contains(tasks, must) {
		tasks[len(tasks)-1] = must
	}
	slices.Sort(tasks)
	return tasks
}

func (t *timeline) drawLanes(b *strings.Builder) {
	for i, task := range t.lanes {
		y := topMargin + i*laneHeight
		fill := "#f6f6f6"
		if i%2 == 1 {
			fill = "#ffffff"
		}
		name := html.EscapeString(t.tr.TaskName(task))
		if task == t.other {
			fill, name = "#fff1b8", name+` <tspan fill="#8a6d00">(other actor)</tspan>`
		}
		fmt.Fprintf(b, `<rect x="0" y="%d" width="%d" height="%d" fill="%s"/>`+"\n", y, t.width, laneHeight, fill)
		fmt.Fprintf(b, `<text x="8" y="%d">%s</text>`+"\n", y+17, name)
	}
}

func (t *timeline) drawHolds(b *strings.Builder) {
	for _, h := range t.tr.LockHolds() {
		i, ok := t.lane[h.Task]
		if !ok || h.To < t.first {
			continue
		}
		from := max(h.From, t.first)
		x0, x1 := t.x(from), t.x(h.To)+stepWidth
		y := topMargin + i*laneHeight + 4
		fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="%.1f" height="18" fill="#7aa6d8" stroke="#2c5d94"><title>%s held steps %d-%d</title></rect>`+"\n",
			x0, y, x1-x0, html.EscapeString(h.Lock), h.From, h.To)
	}
}

// drawHoldLabels names each lock hold wide enough to carry its name, over
// the ticks, on a white halo so the ticks do not hide it.
func (t *timeline) drawHoldLabels(b *strings.Builder) {
	for _, h := range t.tr.LockHolds() {
		i, ok := t.lane[h.Task]
		if !ok || h.To < t.first {
			continue
		}
		x0, x1 := t.x(max(h.From, t.first)), t.x(h.To)+stepWidth
		if x1-x0 > 7*float64(len(h.Lock)) {
			fmt.Fprintf(b, `<text x="%.1f" y="%d" fill="#10304f" stroke="white" stroke-width="3" paint-order="stroke">%s</text>`+"\n",
				x0+3, topMargin+i*laneHeight+17, html.EscapeString(h.Lock))
		}
	}
}

func (t *timeline) drawTicks(b *strings.Builder) {
	for s := t.first; s <= t.last; s++ {
		e := t.tr.At(int(s - 1))
		i, ok := t.lane[e.Task]
		if !ok {
			continue
		}
		y := topMargin + i*laneHeight
		fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="2" height="%d" fill="%s"><title>step %d +%v %s %s</title></rect>`+"\n",
			t.x(s)+1, y+2, laneHeight-4, tickColor(e.Kind), s, e.Time, e.Kind, html.EscapeString(t.tr.Detail(e)))
	}
}

// drawMarks draws the violation (a red line at the last step) and the
// other actor's last store step (a yellow triangle on its lane).
func (t *timeline) drawMarks(b *strings.Builder, mark string) {
	mx := t.x(t.last)
	fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="red" stroke-width="2"/>`+"\n", mx, topMargin-8, mx, t.lanesBottom())
	if t.otherStep > 0 {
		ox, oy := t.x(t.otherStep)+2, topMargin+t.lane[t.other]*laneHeight
		e := t.tr.At(int(t.otherStep - 1))
		fmt.Fprintf(b, `<path d="M%.1f %d l-6 -9 h12 z" fill="#e0a800" stroke="#8a6d00"><title>other actor: %s %s at step %d</title></path>`+"\n",
			ox, oy+4, html.EscapeString(t.tr.TaskName(t.other)), html.EscapeString(t.tr.Detail(e)), t.otherStep)
	}
	fmt.Fprintf(b, `<text x="%.1f" y="%d" fill="red" text-anchor="end">%s</text>`+"\n", mx, topMargin-12, html.EscapeString(mark))
}

// drawAxis puts steps and their virtual times under the lanes, about
// eight ticks across.
func (t *timeline) drawAxis(b *strings.Builder) {
	y := t.lanesBottom() + 4
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%.1f" y2="%d" stroke="#333"/>`+"\n", leftMargin, y, t.x(t.last)+stepWidth, y)
	span := t.last - t.first + 1
	every := max(niceStep(span/8), 1)
	for s := (t.first + every - 1) / every * every; s <= t.last; s += every {
		x := t.x(s) + stepWidth/2
		at := t.tr.At(int(s - 1)).Time
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#333"/>`+"\n", x, y, x, y+4)
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="middle">%d</text>`+"\n", x, y+15, s)
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="middle" fill="#555">+%v</text>`+"\n", x, y+28, at.Round(time.Millisecond))
	}
	fmt.Fprintf(b, `<text x="8" y="%d">step</text><text x="8" y="%d" fill="#555">virtual time</text>`+"\n", y+15, y+28)
}

// niceStep rounds n down to 1, 2 or 5 times a power of ten.
func niceStep(n int64) int64 {
	p := int64(1)
	for p*10 <= n {
		p *= 10
	}
	switch {
	case n >= 5*p:
		return 5 * p
	case n >= 2*p:
		return 2 * p
	}
	return p
}

// drawLegend says what every mark means.
func (t *timeline) drawLegend(b *strings.Builder, y int) {
	x := 8
	item := func(swatch, label string) {
		fmt.Fprintf(b, `<g transform="translate(%d %d)">%s<text x="22" y="11">%s</text></g>`+"\n", x, y, swatch, label)
		x += 30 + 6*len(label)
	}
	item(`<rect width="16" height="12" fill="#7aa6d8" stroke="#2c5d94"/>`, "lock held")
	for _, k := range []struct {
		kind  sim.Kind
		label string
	}{{sim.KindLock, "lock, unlock"}, {sim.KindPoint, "store step"}, {sim.KindSleep, "sleep, timer"}, {sim.KindGo, "other event"}} {
		item(fmt.Sprintf(`<rect x="7" width="2" height="12" fill="%s"/>`, tickColor(k.kind)), k.label)
	}
	item(`<line x1="8" y1="0" x2="8" y2="12" stroke="red" stroke-width="2"/>`, "the violation")
	item(`<rect width="16" height="12" fill="#fff1b8"/><path d="M8 11 l-6 -9 h12 z" fill="#e0a800" stroke="#8a6d00"/>`, "the other actor and its last store step")
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
