package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/drysim/drysim/reports"
	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios/harness"
)

// inFlags collects repeated -in flags.
type inFlags []string

func (f *inFlags) String() string     { return strings.Join(*f, ",") }
func (f *inFlags) Set(s string) error { *f = append(*f, s); return nil }

func cmdReport(args []string, stdout io.Writer) error {
	fs := newFlags("report")
	var in inFlags
	fs.Var(&in, "in", "results file from drysim sweep (repeatable: shards are merged)")
	out := fs.String("out", "report", "directory to write the report into")
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	if len(in) == 0 {
		return usageErr("-in is required: a results file from drysim sweep (repeat -in to merge shards)")
	}
	recs, err := sweep.Load(in...)
	if err != nil {
		return usageErr("%v", err)
	}
	story, err := tellStory(recs)
	if err != nil {
		return err
	}
	r, err := reports.Generate(recs, story, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "report     %d runs from %d file(s) -> %s/index.html and %s/REPORT.md (%d files)\n", len(recs), len(in), *out, *out, len(r.Files))
	for _, f := range r.Findings {
		fmt.Fprintf(stdout, "finding    %s\n", f)
	}
	return nil
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
