package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/guided"
)

// drawKind is one kind of fresh draw whose hit rate -hit-rates measures.
type drawKind struct {
	name      string
	scheduler func(seed uint64) sim.Scheduler
}

// drawKinds are sim.Random and the fresh draws of a guided search that
// matter on Drydock. (Slow tasks and non-hurried early rates above
// Random's end at World.CalmAt, which is time 0 in most Drydock
// scenarios, so they run as plain; the non-hurried draws at 0 or 1/64,
// 2 in 7 of them, are not measured.) A hurried run is counted whenever it
// reproduces the race, even where guided would dismiss it as failing
// liveness only (pending-steal and activation-failure count liveness
// among their races), so the hurried columns may be a little high there.
func drawKinds() []drawKind {
	settings := func(s guided.Settings) func(uint64) sim.Scheduler {
		return func(seed uint64) sim.Scheduler { return s.Scheduler(seed * 0x9e3779b97f4a7c15) }
	}
	return []drawKind{
		{"random", func(uint64) sim.Scheduler { return sim.Random{} }},
		{"plain", settings(guided.Settings{Early: sim.DefaultEarlyTimers})},
		{"hurried:1/16", settings(guided.Settings{Early: 1.0 / 16, Hurried: true})},
		{"hurried:1/8", settings(guided.Settings{Early: 1.0 / 8, Hurried: true})},
		{"sticky:0.9", settings(guided.Settings{Early: sim.DefaultEarlyTimers, Sticky: 0.9})},
	}
}

// hitRateTable prints, per Drydock row and kind of draw, how many of the
// runs on world seeds 1..seeds reproduce the row's race: the figures
// behind guided's hurried share (sim/guided.hurriedShare).
func hitRateTable(w io.Writer, rows []row, seeds, parallel int) {
	kinds := drawKinds()
	names := make([]string, len(kinds))
	for k, kind := range kinds {
		names[k] = kind.name
	}
	fmt.Fprintf(w, "| row (runs of %d reproducing the race) | %s |\n|---|%s\n", seeds, strings.Join(names, " | "), strings.Repeat("---|", len(kinds)))
	totals := make([]int, len(kinds))
	for _, r := range rows {
		line := make([]string, len(kinds))
		for k, kind := range kinds {
			n := hits(r, kind, seeds, parallel)
			totals[k] += n
			line[k] = fmt.Sprint(n)
		}
		fmt.Fprintf(w, "| %s | %s |\n", r.name, strings.Join(line, " | "))
	}
	line := make([]string, len(kinds))
	for k, n := range totals {
		line[k] = fmt.Sprintf("%s %d", names[k], n)
	}
	fmt.Fprintf(w, "\nruns reproducing the race, of %d: %s\n", seeds*len(rows), strings.Join(line, ", "))
}

// hits runs r on world seeds 1..seeds under kind and counts the runs that
// reproduce its race.
func hits(r row, kind drawKind, seeds, parallel int) int {
	var n atomic.Int64
	next := make(chan uint64)
	var wg sync.WaitGroup
	for range max(parallel, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for seed := range next {
				id := r.id
				id.Seed = seed
				res, err := harness.Run(id, harness.Options{Scheduler: kind.scheduler(seed)})
				if err != nil {
					fmt.Fprintf(os.Stderr, "hunttable: %s: %v\n", id, err)
					os.Exit(1)
				}
				if res.Reproduced() {
					n.Add(1)
				}
			}
		}()
	}
	for seed := 1; seed <= seeds; seed++ {
		next <- uint64(seed)
	}
	close(next)
	wg.Wait()
	return int(n.Load())
}
