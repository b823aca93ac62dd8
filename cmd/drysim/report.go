package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/drysim/drysim/reports"
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
	recs, err := reports.Load(in...)
	if err != nil {
		return usageErr("%v", err)
	}
	r, err := reports.Generate(recs, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "report     %d runs from %d file(s) -> %s/index.html and %s/REPORT.md (%d files)\n", len(recs), len(in), *out, *out, len(r.Files))
	for _, f := range r.Findings {
		fmt.Fprintf(stdout, "finding    %s\n", f)
	}
	return nil
}
