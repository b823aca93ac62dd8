package harness

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// WriteStory prints a traced run's events, one per line, then its
// violations and what the objects it names were. Unless full, it leaves
// out machinery that tells no story: task starts and exits, and idle
// workers handing work around (scenarios.Quiet).
//
// Each line names the objects the event is about, as far as the trace
// tells: a lock's own object, else the leases and resources whose locks
// the task holds, else a requester's own lease. The first time an object
// is named it says what it is (a lease's wants, a resource's
// attributes), which is why the other actor acted. In a replayed run a
// "*" marks each forced context switch: where the story needs the
// scheduler to run this task rather than keep the current one.
func WriteStory(w io.Writer, r *Result, full bool) error {
	tr := r.Sim.Trace
	if tr == nil {
		return fmt.Errorf("run %s kept no trace; run it with Options.Trace set", r.Identity)
	}
	note := "; idle-worker hand-offs left out, -full shows them"
	if full {
		note = ""
	}
	st := newStory(r)
	var b strings.Builder
	fmt.Fprintf(&b, "timeline (%d steps%s)\n", tr.Len(), note)
	if len(st.forced) > 0 {
		b.WriteString("  * a forced context switch: the story needs this task to run here\n")
	}
	for e := range tr.All() {
		st.observe(e)
		if !full && quiet(tr, e) {
			continue
		}
		b.WriteString(st.line(e))
	}
	for _, v := range r.Violations {
		fmt.Fprintf(&b, "violation  %s\n", v)
	}
	if objs := st.describeObjects(); objs != "" {
		fmt.Fprintf(&b, "objects    %s\n", objs)
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

// object is a lease or resource a story names.
type object struct {
	kind string // "lease" or "resource"
	id   allocator.ID
}

func (o object) String() string { return o.kind + " " + strconv.FormatUint(uint64(o.id), 10) }

// story is the state WriteStory keeps while it reads the trace.
type story struct {
	r      *Result
	tr     *sim.Trace
	forced map[int64]bool // steps a forced switch chose
	// starts and ends: the lock holds (sim.Trace.LockHolds) beginning and
	// ending at each step; held: each task's holds now, innermost last.
	starts, ends map[int64][]sim.Hold
	held         map[int32][]sim.Hold
	requests     allocator.ID              // leases requested so far
	leaseOf      map[int32]allocator.ID    // a requester's latest lease
	named        map[object]bool           // objects already described
	last         map[int32][]object        // the objects of each task's latest event
	actors       map[object]map[int32]bool // tasks that acted on each object
}

func newStory(r *Result) *story {
	st := &story{
		r: r, tr: r.Sim.Trace, forced: map[int64]bool{}, starts: map[int64][]sim.Hold{}, ends: map[int64][]sim.Hold{},
		held: map[int32][]sim.Hold{}, leaseOf: map[int32]allocator.ID{}, named: map[object]bool{},
		last: map[int32][]object{}, actors: map[object]map[int32]bool{},
	}
	if r.Options.Replay != nil { // only a replay knows which choices its fixed rule would have made
		for _, d := range r.Sim.Decisions {
			if !d.Fallback && d.Task != sim.DefaultDecision {
				st.forced[d.Step+1] = true
			}
		}
	}
	for _, h := range st.tr.LockHolds() {
		st.starts[h.From] = append(st.starts[h.From], h)
		st.ends[h.To] = append(st.ends[h.To], h)
	}
	return st
}

// observe updates the holds and a requester's lease as of event e.
func (st *story) observe(e sim.Event) {
	for _, h := range st.starts[e.Step] {
		st.held[h.Task] = append(st.held[h.Task], h)
	}
	if e.Kind == sim.KindPoint && st.tr.ObjName(e.Obj) == "lease.request" {
		// The store numbers leases in the order they are requested.
		st.requests++
		st.leaseOf[e.Task] = st.requests
	}
	if e.Kind == sim.KindGo { // a task a requester spawns acts for its lease (a second releaser)
		if id := st.leaseOf[e.Task]; id != 0 {
			st.leaseOf[int32(e.Arg)] = id
		}
	}
	objs := st.objectsOf(e)
	st.last[e.Task] = objs
	for _, o := range objs {
		if st.actors[o] == nil {
			st.actors[o] = map[int32]bool{}
		}
		st.actors[o][e.Task] = true
	}
	for _, h := range st.ends[e.Step] {
		st.held[h.Task] = slices.DeleteFunc(st.held[h.Task], func(x sim.Hold) bool { return x == h })
	}
}

// objectsOf names what an event is about (see WriteStory).
func (st *story) objectsOf(e sim.Event) []object {
	switch e.Kind {
	case sim.KindLock, sim.KindLockTimeout, sim.KindTryLock, sim.KindUnlock, sim.KindRLock, sim.KindTryRLock, sim.KindRUnlock:
		if o, ok := lockObject(st.tr.ObjName(e.Obj)); ok {
			return []object{o}
		}
		return nil
	}
	var out []object
	for _, h := range slices.Backward(st.held[e.Task]) {
		if o, ok := lockObject(h.Lock); ok && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	if id := st.leaseOf[e.Task]; len(out) == 0 && id != 0 {
		out = append(out, object{"lease", id})
	}
	return out
}

// lockObject reads the object an allocator lock guards
// ("drydock.lease:7" is lease 7).
func lockObject(lock string) (object, bool) {
	for _, kind := range []string{"lease", "resource"} {
		if rest, ok := strings.CutPrefix(lock, "drydock."+kind+":"); ok {
			if id, err := strconv.ParseUint(rest, 10, 64); err == nil {
				return object{kind, allocator.ID(id)}, true
			}
		}
	}
	return object{}, false
}

// line renders one event: step, forced-switch mark, virtual time, task,
// what happened, and the objects it concerns.
func (st *story) line(e sim.Event) string {
	mark := " "
	if st.forced[e.Step] {
		mark = "*"
	}
	kind, detail := e.Kind.String(), st.tr.Detail(e)
	if e.Kind == sim.KindLockTimeout {
		kind, detail = fmt.Sprintf("lock (≤%v)", time.Duration(e.Arg)), st.tr.ObjName(e.Obj)
	}
	var objs []string
	for _, o := range st.last[e.Task] {
		objs = append(objs, st.describe(o))
	}
	line := fmt.Sprintf("%7d %s %11s  %-14s %-11s %-24s %s", e.Step, mark, "+"+e.Time.Round(time.Millisecond).String(),
		st.tr.TaskName(e.Task), kind, detail, strings.Join(objs, ", "))
	return strings.TrimRight(line, " ") + "\n"
}

// describe names an object, saying what it is the first time.
func (st *story) describe(o object) string {
	if st.named[o] || st.r.Store == nil {
		return o.String()
	}
	st.named[o] = true
	switch o.kind {
	case "lease":
		if l, err := st.r.Store.PeekLease(o.id); err == nil {
			return fmt.Sprintf("%s (wants %s)", o, l.Wants)
		}
	case "resource":
		if res, err := st.r.Store.PeekResource(o.id); err == nil {
			return fmt.Sprintf("%s (%s)", o, res.Attributes)
		}
	}
	return o.String()
}

// describeObjects says what every lease and resource the story acted on
// is, the last violation's first, and which tasks acted on each: the
// actors of the race, and what each was after.
func (st *story) describeObjects() string {
	if st.r.Store == nil {
		return ""
	}
	var order []object
	if n := len(st.r.Violations); n > 0 {
		for _, ref := range st.r.Violations[n-1].Objects {
			if o, ok := refObject(ref); ok {
				order = append(order, o)
			}
		}
	}
	var rest []object
	for o := range st.actors { //drysim:order-independent: sorted below
		if !slices.Contains(order, o) {
			rest = append(rest, o)
		}
	}
	slices.SortFunc(rest, func(a, b object) int { return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.id, b.id)) })
	var parts []string
	for _, o := range append(order, rest...) {
		st.named[o] = false
		text := st.describe(o)
		if tasks := st.actorNames(o); tasks != "" {
			text += " by " + tasks
		}
		parts = append(parts, text)
	}
	return strings.Join(parts, "; ")
}

// refObject reads a violation's object reference ("lease:1").
func refObject(ref allocator.Ref) (object, bool) {
	return lockObject("drydock." + ref.String())
}

func (st *story) actorNames(o object) string {
	var ids []int32
	for id := range st.actors[o] { //drysim:order-independent: sorted below
		ids = append(ids, id)
	}
	slices.Sort(ids)
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = st.tr.TaskName(id)
	}
	return strings.Join(names, ", ")
}
