// Package reports runs sweeps and turns their results into pictures.
//
// # Sweeps
//
// A Plan is the cross product scenarios x strategies x worker counts x
// schedulers x seeds, in a fixed order; Keys lists its runs, or one shard's
// (every n-th run from the i-th). Sweep runs the keys not already done, in
// parallel (one goroutine per world, each with its own sim.Pool), and writes
// one JSON line per finished run: a Record, holding nothing but what the run
// determined (config, outcome, violations, metrics, trace hash). So shards
// concatenated hold the same lines as one unsharded sweep, and a sweep that
// was interrupted resumes by reading its own file (ReadDone).
//
//	keys := reports.Plan{Scenarios: []string{"reclaim-race"}, Strategies: []string{"naive", "slot"},
//		Workers: []int{16, 64}, Scheds: []string{"random", "pct"}, Seeds: 100}.Keys()
//	reports.Sweep(ctx, keys, nil, file, reports.SweepOptions{})
//
// # Reports
//
// Load reads result files (shards merged, one record per key) and Generate
// writes, from the records alone, five figures as PNG and SVG (gonum/plot),
// a timeline SVG and a Perfetto trace of one failing run (rerun from its
// record), and index.html and REPORT.md with the tables, each figure
// captioned with what it shows and the sweep behind it. The findings
// paragraph says what the numbers say about naive, global and slot, whether
// or not that is what the design predicts. The same records give
// byte-identical files.
package reports
