package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/drysim/drysim/reports"
	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// inFlags collects repeated -in flags.
type inFlags []string

func (f *inFlags) String() string     { return strings.Join(*f, ",") }
func (f *inFlags) Set(s string) error { *f = append(*f, s); return nil }

// reportFlags are report's flags: the files, where the report goes, and
// the plan whose runs it reports (sweep's own plan flags; unset: every
// run in the files).
type reportFlags struct {
	in                                     inFlags
	out                                    string
	salvage                                bool
	scenarios, strategies, workers, scheds string
	seeds                                  int
	firstSeed                              uint64
}

func (r *reportFlags) register(fs *flag.FlagSet) {
	fs.Var(&r.in, "in", "results file from drysim sweep (repeatable: shards are merged)")
	fs.StringVar(&r.out, "out", "report", "directory to write the report into")
	fs.BoolVar(&r.salvage, "salvage", false, "skip lines that are not valid records (a damaged file), counting them, instead of refusing the file")
	fs.StringVar(&r.scenarios, "scenarios", "", "report only these scenarios (comma-separated; default: all in the files)")
	fs.StringVar(&r.strategies, "strategies", "", "report only these strategies (comma-separated)")
	fs.StringVar(&r.workers, "workers", "", "report only these worker counts (comma-separated)")
	fs.StringVar(&r.scheds, "sched", "", "report only these schedulers (comma-separated)")
	fs.IntVar(&r.seeds, "seeds", 0, "report only the first this many seeds of each combination, as sweep -seeds planned them (0: every seed)")
	fs.Uint64Var(&r.firstSeed, "first-seed", 1, "the plan's first seed (with -seeds)")
}

// filter is the plan the flags describe.
func (r *reportFlags) filter() (sweep.Filter, error) {
	f := sweep.Filter{Seeds: r.seeds, FirstSeed: r.firstSeed}
	if r.seeds < 0 {
		return f, usageErr("-seeds %d: want 0 (every seed) or more", r.seeds)
	}
	if r.workers != "" {
		ws, err := sweep.ParseInts(r.workers)
		if err != nil {
			return f, usageErr("-workers: %s", sweepMessage(err))
		}
		f.Workers = ws
	}
	if r.scheds != "" {
		ss, err := sweep.ParseScheds(r.scheds)
		if err != nil {
			return f, usageErr("-sched: %s", sweepMessage(err))
		}
		for _, s := range ss {
			f.Scheds = append(f.Scheds, s.String())
		}
	}
	if r.scenarios != "" {
		f.Scenarios = sweep.ParseList(r.scenarios, scenarios.Names())
	}
	if r.strategies != "" {
		f.Strategies = sweep.ParseList(r.strategies, scenarios.StrategyNames())
	}
	return f, nil
}

func cmdReport(args []string, stdout io.Writer) error {
	fs := newFlags("report")
	var rf reportFlags
	rf.register(fs)
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	if len(rf.in) == 0 {
		return usageErr("-in is required: a results file from drysim sweep (repeat -in to merge shards)")
	}
	filter, err := rf.filter()
	if err != nil {
		return err
	}
	if fi, err := os.Stat(rf.out); err == nil && !fi.IsDir() {
		return usageErr("-out %s: not a directory; give the directory the report goes into", rf.out)
	}
	recs, st, err := sweep.LoadWith(sweep.LoadOptions{Salvage: rf.salvage, Keep: filter.Keep}, rf.in...)
	if err != nil {
		return usageErr("-in: %s", resultsMessage(err))
	}
	if len(recs) == 0 {
		return usageErr("-in: no records to report on (%d read, %d outside the plan given)", st.Records, st.LeftOut)
	}
	printLoad(stdout, st, recs)
	story, err := tellStory(recs)
	if err != nil {
		return err
	}
	r, err := reports.Generate(recs, story, rf.out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "report     %d runs from %d file(s) -> %s/index.html and %s/REPORT.md (%d files)\n", len(recs), len(rf.in), rf.out, rf.out, len(r.Files))
	for _, f := range r.Findings {
		fmt.Fprintf(stdout, "finding    %s\n", f)
	}
	return nil
}

// printLoad says what loading skipped, and warns when the records come
// from more than one build: their hashes, and maybe their numbers, are
// not comparable.
func printLoad(w io.Writer, st sweep.LoadStats, recs []sweep.Record) {
	if st.Bad > 0 {
		fmt.Fprintf(w, "salvaged   skipped %d bad lines\n", st.Bad)
	}
	if st.LeftOut > 0 {
		fmt.Fprintf(w, "plan       left out %d records of runs outside the plan given\n", st.LeftOut)
	}
	if builds := reports.Builds(recs); len(builds) > 1 {
		var parts []string
		for _, b := range builds {
			name := b.Build
			if name == "" {
				name = "unrecorded"
			}
			parts = append(parts, fmt.Sprintf("%s (%d runs)", name, b.Runs))
		}
		fmt.Fprintf(w, "warning    the records come from %d builds: %s; their figures mix them\n", len(builds), strings.Join(parts, ", "))
	}
}

// tellStory reruns the failing run the report tells the story of
// (reports.StoryRecord), traced and stopped at its first race violation.
// No failing run: no story.
func tellStory(recs []sweep.Record) (*reports.Story, error) {
	rec, ok := reports.StoryRecord(recs)
	if !ok {
		return nil, nil
	}
	res, err := harness.Run(rec.Identity(), harness.Options{Trace: true, StopOn: reports.FirstRaceInvariant(rec)})
	if err != nil {
		return nil, fmt.Errorf("timeline rerun %s: %w", rec.Key(), err)
	}
	if len(res.Violations) == 0 {
		return nil, fmt.Errorf("timeline rerun %s: the recorded violation did not recur (hash %s, recorded %s)", rec.Key(), res.HashString(), rec.Hash)
	}
	return &reports.Story{Record: rec, Trace: res.Sim.Trace, Violation: res.Violations[len(res.Violations)-1]}, nil
}

func reportCommand() command {
	return command{name: "report", summary: "plot and tabulate sweep results into an HTML and Markdown report", usage: "drysim report -in FILE [-in FILE...] [flags]",
		examples: []example{
			{"drysim report -in results.jsonl -out report", "report/index.html and report/REPORT.md"},
			{"drysim report -in results.jsonl -seeds 20", "only the runs of a 20-seed sweep, though the file holds more"},
			{"drysim report -in shard-0.jsonl -in shard-1.jsonl -salvage", "merge shards, skipping damaged lines"},
		},
		exits: exitsBadInput, run: cmdReport}
}
