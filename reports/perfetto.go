package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/drysim/drysim/sim"
)

// TraceEvent is one event of the Chrome trace-event format, which Perfetto
// and chrome://tracing open.
type TraceEvent struct {
	Name  string         `json:"name"`
	Cat   string         `json:"cat,omitempty"`
	Ph    string         `json:"ph"`
	Ts    float64        `json:"ts"`
	Dur   *float64       `json:"dur,omitempty"`
	Pid   int            `json:"pid"`
	Tid   int            `json:"tid"`
	Scope string         `json:"s,omitempty"`
	Args  map[string]any `json:"args,omitempty"`
}

// TraceFile is the JSON object format: {"traceEvents": [...]}.
type TraceFile struct {
	TraceEvents     []TraceEvent `json:"traceEvents"`
	DisplayTimeUnit string       `json:"displayTimeUnit"`
}

// WritePerfetto exports a run as trace-event JSON: a thread per task, lock
// holds as complete ("X") events, every other event as an instant ("i"),
// and the violations as global instants. Timestamps are virtual
// microseconds, each nudged by a nanosecond per step so that the many
// events of one virtual instant keep their order.
func WritePerfetto(w io.Writer, tr *sim.Trace, process string, violations []string) error {
	f := TraceFile{DisplayTimeUnit: "ms"}
	f.TraceEvents = append(f.TraceEvents, TraceEvent{Name: "process_name", Ph: "M", Pid: 1, Args: map[string]any{"name": process}})
	for _, t := range traceTasks(tr) {
		f.TraceEvents = append(f.TraceEvents, TraceEvent{Name: "thread_name", Ph: "M", Pid: 1, Tid: tid(t), Args: map[string]any{"name": tr.TaskName(t)}})
	}
	for _, h := range tr.LockHolds() {
		dur := ts(h.ToTime, h.To) - ts(h.FromTime, h.From)
		f.TraceEvents = append(f.TraceEvents, TraceEvent{
			Name: h.Lock, Cat: "lock", Ph: "X", Ts: ts(h.FromTime, h.From), Dur: &dur, Pid: 1, Tid: tid(h.Task),
			Args: map[string]any{"from_step": h.From, "to_step": h.To},
		})
	}
	var end sim.Event
	for e := range tr.All() {
		end = e
		f.TraceEvents = append(f.TraceEvents, TraceEvent{
			Name: instantName(tr, e), Cat: e.Kind.String(), Ph: "i", Ts: ts(e.Time, e.Step), Pid: 1, Tid: tid(e.Task), Scope: "t",
			Args: map[string]any{"step": e.Step},
		})
	}
	for _, v := range violations {
		f.TraceEvents = append(f.TraceEvents, TraceEvent{Name: "violation: " + v, Cat: "violation", Ph: "i", Ts: ts(end.Time, end.Step), Pid: 1, Scope: "g"})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("perfetto: %w", err)
	}
	return nil
}

func ts(t time.Duration, step int64) float64 {
	return float64(t.Microseconds()) + float64(step)/1000
}

// tid maps task IDs (KernelTask is -1) to positive thread IDs.
func tid(task int32) int { return int(task) + 2 }

func instantName(tr *sim.Trace, e sim.Event) string {
	if d := tr.Detail(e); d != "" {
		return e.Kind.String() + " " + d
	}
	return e.Kind.String()
}

func traceTasks(tr *sim.Trace) []int32 {
	seen := map[int32]bool{}
	var out []int32
	for e := range tr.All() {
		if !seen[e.Task] {
			seen[e.Task] = true
			out = append(out, e.Task)
		}
	}
	return out
}
