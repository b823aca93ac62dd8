package sim

import "math/rand/v2"

// Rand returns the world's PRNG stream called name, made on first use. Each
// stream is a PCG seeded from the world's seed and the name, so drawing more
// numbers from "workload" never shifts the numbers "sched" or "faults" give:
// a change to the workload does not reshuffle the schedule.
//
// The kernel itself uses "sched" (schedulers) and "select" (ready arms).
func (w *World) Rand(name string) *rand.Rand {
	if r, ok := w.streams[name]; ok {
		return r
	}
	src := rand.NewPCG(splitmix(w.cfg.Seed), splitmix(w.cfg.Seed^mixString(0, name)))
	r := rand.New(src)
	if w.fp != nil {
		r = rand.New(&trackedSource{src: src, w: w, id: int64(mixString(0, name))})
	}
	w.streams[name] = r
	return r
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
