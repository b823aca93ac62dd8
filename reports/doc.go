// Package reports draws: it turns sweep records (package sweep) into
// figures, tables and findings, and the trace of one failing run into a
// timeline and a Perfetto trace. It runs no world: what it is handed is
// all it knows, and it names no strategy or scenario itself (roles and
// order come from scenarios.Strategies, the load scenario from
// scenarios.Scenario.Load).
//
//	recs, _ := sweep.Load("results.jsonl")
//	rep, _ := reports.Generate(recs, story, "report") // story: nil, or one rerun failing run
//
// Generate writes six figures as PNG and SVG (gonum/plot), index.html and
// REPORT.md with the tables, each figure captioned with what it shows (the
// sweep behind them all is stated once, with its build), and, given a
// Story, its timeline SVG and Perfetto JSON. Every figure and table gives
// a strategy the same colour (StrategyColour), draws a zero as a labelled
// stub, keeps its legend beside the data, and shows spread, not only
// means: the load figures are one panel per scenario, workers on a log2
// axis, with a 10th-90th percentile band over runs. StoryRecord picks which failing run to tell; the caller reruns it
// (the harness) and hands its trace back. The findings paragraph says
// what the numbers say about the baseline, coarse and reference
// strategies, whether or not that is what the design predicts. The same
// records give byte-identical files.
package reports
