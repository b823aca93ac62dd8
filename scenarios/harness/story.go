package harness

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// WriteStory prints a traced run's events, one per line, then its
// violations. Unless full, it leaves out machinery that tells no story:
// task starts and exits, and idle workers handing work around
// (scenarios.Quiet).
func WriteStory(w io.Writer, r *Result, full bool) error {
	tr := r.Sim.Trace
	if tr == nil {
		return fmt.Errorf("run %s kept no trace; run it with Options.Trace set", r.Identity)
	}
	note := "; idle-worker hand-offs left out, -full shows them"
	if full {
		note = ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "timeline (%d steps%s)\n", tr.Len(), note)
	for e := range tr.All() {
		if !full && quiet(tr, e) {
			continue
		}
		line := fmt.Sprintf("%7d %12s  %-14s %-11s %s", e.Step, "+"+e.Time.Round(time.Millisecond).String(), tr.TaskName(e.Task), e.Kind, tr.Detail(e))
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
	}
	for _, v := range r.Violations {
		fmt.Fprintf(&b, "violation  %s\n", v)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func quiet(tr *sim.Trace, e sim.Event) bool {
	switch e.Kind {
	case sim.KindStart, sim.KindExit:
		return true
	case sim.KindPoint, sim.KindWait, sim.KindSignal, sim.KindBroadcast, sim.KindWake, sim.KindTimer:
		return scenarios.Quiet(tr.ObjName(e.Obj))
	}
	return false
}
