package main

// Upper bounds on counts a command line gives: beyond them a run would
// take hours or gigabytes, and a typo is likelier than intent. Each is
// checked with one line naming the flag and the valid range (the
// identity's own bounds are scenarios.MaxWorkers and MaxLeases).
const (
	// maxParallel: worlds beyond the cores only queue, and each holds a
	// coroutine pool.
	maxParallel = 1024
	// maxReplayRuns: three runs show determinism; a thousand is plenty.
	maxReplayRuns = 1000
	// maxCheckSeeds: check keeps a small summary per seed until a row is
	// folded.
	maxCheckSeeds = 1_000_000
	// maxShrinkSeeds: each smaller configuration tries this many seeds,
	// and the last search forty times as many.
	maxShrinkSeeds = 100_000
)

// checkRange is the one-line error for a count flag outside lo..hi.
func checkRange(flag string, v, lo, hi int, zero string) error {
	if v >= lo && v <= hi {
		return nil
	}
	if zero != "" {
		return usageErr("-%s %d: want 0 (%s) to %d", flag, v, zero, hi)
	}
	return usageErr("-%s %d: want %d to %d", flag, v, lo, hi)
}

func checkParallel(n int) error { return checkRange("parallel", n, 0, maxParallel, "GOMAXPROCS") }
