package guided

import (
	"strings"

	"github.com/drysim/drysim/sim"
)

// Features are what a run covered, as 64-bit hashes of abstract facts
// about its trace. Task and object names are abstracted to their roles
// (digits dropped: worker-17#17 is a worker, drydock.lease:9 a
// drydock.lease:), so a fact recurs across runs whatever the IDs.
//
// The facts, all read from the kernel's trace events:
//
//   - conflict: an object (a lock, channel, cond, or a labelled step such
//     as store.lease) touched by one role doing one kind of call right
//     after another role (or another task of the same role) did; with its
//     count in the run bucketed as 1, 2-3, 4-7, 8+ (as AFL buckets edge
//     hits), so touching the same pair more often is new behaviour too.
//   - switch: a context switch from one role's call to another's.
//   - lock order: a lock taken by a role after another role held it last,
//     and a lock taken while the taker held another (nesting order).
//   - outcome: how the run ended.
//
// Targets add their own facts (Report.Extra): checker-relevant states such
// as a measured invariant that broke or a metric's bucket.
func Features(res *sim.Result, extra []string) []uint64 {
	c := collector{
		lastOn: map[int32]access{},
		counts: map[uint64]int{},
		held:   map[int32][]string{},
		roles:  map[int32]string{},
		objs:   map[int32]string{},
	}
	if tr := res.Trace; tr != nil {
		c.tr = tr
		for e := range tr.All() {
			c.event(e)
		}
	}
	out := make([]uint64, 0, len(c.counts)+len(c.set)+len(extra)+1)
	out = append(out, c.set...)
	for f, n := range c.counts { //drysim:order-independent: the caller treats features as a set
		out = append(out, mix(f, uint64(bucket(n))))
	}
	out = append(out, hashString(0x5eed, "outcome:"+res.Outcome.String()))
	for _, x := range extra {
		out = append(out, hashString(0xe7, x))
	}
	return out
}

type access struct {
	task int32
	role string
	kind sim.Kind
}

type collector struct {
	tr     *sim.Trace
	prev   *sim.Event
	prevEv sim.Event
	lastOn map[int32]access   // the last access to each object
	counts map[uint64]int     // conflict pairs and how often
	set    []uint64           // other facts, duplicates allowed
	held   map[int32][]string // locks each task holds, by role name
	roles  map[int32]string   // task ID to role, memoized
	objs   map[int32]string   // object ID to its abstract name
	lastBy map[string]string  // lock name to the role that took it last
}

func (c *collector) role(id int32) string {
	if r, ok := c.roles[id]; ok {
		return r
	}
	r := abstract(c.tr.TaskName(id))
	c.roles[id] = r
	return r
}

func (c *collector) obj(id int32) string {
	if o, ok := c.objs[id]; ok {
		return o
	}
	o := abstract(c.tr.ObjName(id))
	c.objs[id] = o
	return o
}

func (c *collector) event(e sim.Event) {
	if !e.Kind.IsPoint() && e.Kind != sim.KindWake {
		return
	}
	role, obj := c.role(e.Task), c.obj(e.Obj)
	if c.prev != nil && c.prevEv.Task != e.Task {
		p := c.prevEv
		c.set = append(c.set, hashString(0x5717, c.role(p.Task)+"|"+p.Kind.String()+"|"+c.obj(p.Obj)+"|"+role+"|"+e.Kind.String()+"|"+obj))
	}
	c.prevEv, c.prev = e, &c.prevEv
	if e.Obj == 0 {
		return
	}
	if last, ok := c.lastOn[e.Obj]; ok && last.task != e.Task {
		c.counts[hashString(0xc0f1, obj+"|"+last.role+"|"+last.kind.String()+"|"+role+"|"+e.Kind.String())]++
	}
	c.lastOn[e.Obj] = access{e.Task, role, e.Kind}
	c.locks(e, role, obj)
}

// locks records lock-order facts: who took a lock after whom, and which
// lock a task took while holding another.
func (c *collector) locks(e sim.Event, role, obj string) {
	switch {
	case e.Kind == sim.KindLock || e.Kind == sim.KindRLock || e.Kind == sim.KindLockTimeout ||
		((e.Kind == sim.KindTryLock || e.Kind == sim.KindTryRLock) && e.Arg == 1):
		if c.lastBy == nil {
			c.lastBy = map[string]string{}
		}
		c.set = append(c.set, hashString(0x10c4, obj+"|"+c.lastBy[obj]+"|"+role))
		c.lastBy[obj] = role
		held := c.held[e.Task]
		if len(held) > 0 {
			c.set = append(c.set, hashString(0x4e57, held[len(held)-1]+"|"+obj+"|"+role))
		}
		c.held[e.Task] = append(held, obj)
	case e.Kind == sim.KindUnlock || e.Kind == sim.KindRUnlock:
		held := c.held[e.Task]
		for i := len(held) - 1; i >= 0; i-- {
			if held[i] == obj {
				c.held[e.Task] = append(held[:i:i], held[i+1:]...)
				break
			}
		}
	}
}

// abstract drops digits and the "#id" suffix from a name, so that it names
// a role (worker-17#17: worker-) or a kind of object.
func abstract(name string) string {
	if i := strings.IndexByte(name, '#'); i >= 0 {
		name = name[:i]
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, name)
}

func bucket(n int) int {
	switch {
	case n <= 1:
		return 1
	case n <= 3:
		return 2
	case n <= 7:
		return 3
	}
	return 4
}

func hashString(seed uint64, s string) uint64 {
	f := uint64(14695981039346656037) ^ seed // FNV-1a
	for i := 0; i < len(s); i++ {
		f ^= uint64(s[i])
		f *= 1099511628211
	}
	return mix(f, seed)
}

// mix is splitmix64's finalizer over a and b.
func mix(a, b uint64) uint64 {
	z := a ^ (b + 0x9e3779b97f4a7c15 + (a << 6) + (a >> 2))
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
