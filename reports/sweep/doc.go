// Package sweep plans sweeps and files their results: the cross product
// scenarios x strategies x worker counts x schedulers x seeds (Plan), one
// JSON line per run (Record), and reading result files back (ReadDone to
// resume, Load to report). It runs no world: the harness runs a plan's
// identities and hands each result back as a Record, and the reports
// package draws records.
//
//	plan := sweep.Plan{Scenarios: []string{"reclaim-race"}, Strategies: []string{"naive", "slot"},
//		Workers: []int{16, 64}, Scheds: []sim.SchedulerSpec{{}}, Seeds: 100}
//	for id := range plan.All() { ... } // generated as taken: any size, no memory
//
// A record holds nothing but what its run determined (identity, outcome,
// violations, metrics, trace hash) and the build that ran it, so shards
// concatenated hold the same lines as one unsharded sweep, and an
// interrupted sweep resumes by skipping the keys its file already holds.
//
// A sweep opens its file with OpenResults: locked against every other
// sweep until it closes, appended to one whole line per write, its records
// validated (Record.Validate) and a damaged file refused unless salvaged.
// Plan.Contains counts the runs a file already holds without walking the
// plan; Filter keeps a report to the runs a sweep planned.
package sweep
