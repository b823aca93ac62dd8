package sim

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"math/bits"
	"strings"
	"time"
)

// Kind is what happened at a trace event.
type Kind uint8

// Event kinds. Every primitive call records one event when it runs; Wake is
// recorded when a blocked task resumes, Timer when a timer fires.
const (
	KindStart Kind = iota
	KindExit
	KindPanic
	KindGo
	KindYield
	KindSleep
	KindWake
	KindTimer
	KindLock
	KindTryLock
	KindLockTimeout
	KindUnlock
	KindRLock
	KindTryRLock
	KindRUnlock
	KindWait
	KindSignal
	KindBroadcast
	KindWGAdd
	KindWGWait
	KindOnce
	KindSend
	KindRecv
	KindClose
	KindSelect
	KindPoint
	numKinds
)

var kindNames = [numKinds]string{
	"start", "exit", "panic", "go", "yield", "sleep", "wake", "timer",
	"lock", "trylock", "locktimeout", "unlock", "rlock", "tryrlock", "runlock",
	"wait", "signal", "broadcast", "wg.add", "wg.wait", "once",
	"send", "recv", "close", "select", "point",
}

// IsPoint reports whether events of this kind are scheduling points: a
// task's call into the kernel, at which another task may have run first.
// The others record what happened without a call: a task starting,
// exiting or panicking, a timer firing, and a blocked call resuming (its
// wake belongs to the call that blocked).
func (k Kind) IsPoint() bool {
	switch k {
	case KindStart, KindExit, KindPanic, KindWake, KindTimer:
		return false
	}
	return k < numKinds
}

func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// KernelTask is the Event.Task of events no task caused (a free timer).
const KernelTask int32 = -1

// Event is one step of a run.
type Event struct {
	Step int64         // 1-based position in the run
	Time time.Duration // virtual time since the world began
	Task int32         // task ID, or KernelTask
	Kind Kind
	Obj  int32 // named object or label, 0 for none
	Arg  int64 // kind-specific: a duration, a task ID, a flag
}

// Trace is the events of one run with the names needed to read them.
type Trace struct {
	Hash  uint64
	log   eventLog
	names []string
	tasks []string
}

// Len returns the number of events.
func (tr *Trace) Len() int { return tr.log.n }

// At returns event i (0-based; its Step is i+1).
func (tr *Trace) At(i int) Event { return tr.log.chunks[i/eventChunk][i%eventChunk] }

// Points counts the events that are scheduling points (see Kind.IsPoint).
func (tr *Trace) Points() int {
	n := 0
	for e := range tr.All() {
		if e.Kind.IsPoint() {
			n++
		}
	}
	return n
}

// All yields every event in order.
func (tr *Trace) All() iter.Seq[Event] {
	return func(yield func(Event) bool) {
		for _, c := range tr.log.chunks {
			for _, e := range c {
				if !yield(e) {
					return
				}
			}
		}
	}
}

// eventLog stores events in fixed-size chunks. One growing slice would copy
// itself on every doubling, and a long non-preemptible copy stalls the
// garbage collector while it waits to suspend the running coroutine.
type eventLog struct {
	chunks [][]Event
	n      int
}

const eventChunk = 4096

func (l *eventLog) append(e Event) {
	if l.n%eventChunk == 0 {
		l.chunks = append(l.chunks, make([]Event, 0, eventChunk))
	}
	last := &l.chunks[len(l.chunks)-1]
	*last = append(*last, e)
	l.n++
}

func (w *World) snapshotTrace() *Trace {
	tr := &Trace{log: w.events, Hash: w.hash, names: w.names}
	for _, t := range w.history {
		tr.tasks = append(tr.tasks, t.String())
	}
	return tr
}

// TaskName names an event's task.
func (tr *Trace) TaskName(id int32) string {
	if id == KernelTask || int(id) >= len(tr.tasks) {
		return "kernel"
	}
	return tr.tasks[id]
}

// ObjName names an event's object or label.
func (tr *Trace) ObjName(id int32) string {
	if id <= 0 || int(id) >= len(tr.names) {
		return ""
	}
	return tr.names[id]
}

// Detail renders the kind-specific part of an event.
func (tr *Trace) Detail(e Event) string {
	obj := tr.ObjName(e.Obj)
	switch e.Kind {
	case KindGo:
		return "spawn " + tr.TaskName(int32(e.Arg))
	case KindSleep, KindLockTimeout:
		return strings.TrimSpace(obj + " " + time.Duration(e.Arg).String())
	case KindTimer:
		return strings.TrimSpace(obj + " deadline +" + time.Duration(e.Arg).String())
	case KindWake:
		if e.Arg == 1 && obj != "" {
			return obj + " timed out"
		}
		return obj
	case KindTryLock:
		if e.Arg == 1 {
			return obj + " acquired"
		}
		return obj + " busy"
	case KindWGAdd:
		return fmt.Sprintf("%s %+d", obj, e.Arg)
	case KindSelect:
		return fmt.Sprintf("%d arms", e.Arg)
	case KindPoint:
		if e.Arg != 0 {
			return fmt.Sprintf("%s %d", obj, e.Arg)
		}
	}
	return obj
}

// Dump writes one line per event: step, virtual time, task, kind, detail.
func (tr *Trace) Dump(out io.Writer) error {
	bw := bufio.NewWriter(out)
	for e := range tr.All() {
		line := fmt.Sprintf("%7d %12s  %-20s %-11s %s", e.Step, "+"+e.Time.String(), tr.TaskName(e.Task), e.Kind, tr.Detail(e))
		bw.WriteString(strings.TrimRight(line, " "))
		bw.WriteByte('\n')
	}
	fmt.Fprintf(bw, "hash %016x\n", tr.Hash)
	return bw.Flush()
}

func (tr *Trace) String() string {
	var b strings.Builder
	_ = tr.Dump(&b)
	return b.String()
}

// kernelTask stands for the kernel in events no task caused.
var kernelTask = &Task{id: KernelTask}

func (w *World) recordKernel(kind Kind, arg int64) { w.record(kernelTask, kind, 0, arg) }

// The trace hash: a wyhash-style multiply-fold per field. Pure integer
// arithmetic, so it is the same on every machine, at any GOMAXPROCS.
const hashSeed = 0x243f6a8885a308d3

func mix(h, x uint64) uint64 {
	hi, lo := bits.Mul64(h^0xa0761d6478bd642f, x^0xe7037ed1a0b428db)
	return hi ^ lo
}

func mixEvent(h uint64, now time.Duration, task int32, kind Kind, obj int32, arg int64) uint64 {
	h = mix(h, uint64(now))
	h = mix(h, uint64(uint32(task))<<32|uint64(uint32(obj)))
	h = mix(h, uint64(kind))
	return mix(h, uint64(arg))
}

func mixString(h uint64, s string) uint64 {
	f := uint64(14695981039346656037) // FNV-1a
	for i := 0; i < len(s); i++ {
		f ^= uint64(s[i])
		f *= 1099511628211
	}
	return mix(h, f)
}
