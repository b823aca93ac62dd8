package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/drysim/drysim/scenarios"
)

// listSystems prints every system, and for those other than Drydock
// (whose lists come first) their strategies, fixes, failpoints,
// invariants and what a run's overrides mean.
func listSystems(w io.Writer) {
	fmt.Fprintln(w, "\nsystems (each scenario belongs to one; -strategy takes its system's)")
	for _, sys := range scenarios.Systems() {
		fmt.Fprintf(w, "  %-28s %s\n  %-28s source: %s\n", sys.Name, sys.Doc, "", sys.Source)
	}
	for _, sys := range scenarios.Systems()[1:] {
		listSystem(w, sys)
	}
}

func listSystem(w io.Writer, sys *scenarios.System) {
	fmt.Fprintf(w, "\n%s strategies\n", sys.Name)
	for _, s := range sys.Strategies {
		doc := s.Doc
		if s.Hypothetical && !strings.HasPrefix(doc, "hypothetical") {
			doc = "hypothetical: " + doc
		}
		fmt.Fprintf(w, "  %-28s %s\n", s.Name, doc)
	}
	fmt.Fprintf(w, "  %-28s the strategy without the named fixes\n", "<strategy>"+scenarios.AblationSep+"<fix>[,<fix>...]")
	fmt.Fprintf(w, "\n%s fixes (%s has all; where each comes from, and the races it closes)\n", sys.Name, sys.Reference)
	for _, f := range sys.Fixes {
		fmt.Fprintf(w, "  %-28s %s\n  %-28s %s\n  %-28s source: %s\n  %-28s before it: %s\n", f.Name, closedBy(sys, f.Name), "", f.Doc, "", f.Credit, "", f.PreFix)
	}
	fmt.Fprintf(w, "\n%s failpoints\n", sys.Name)
	for _, f := range sys.Failpoints {
		fmt.Fprintf(w, "  %-36s %-26s %s\n", f.Name, f.Race, f.Doc)
	}
	fmt.Fprintf(w, "\n%s invariants\n", sys.Name)
	for _, inv := range sys.Invariants {
		fmt.Fprintf(w, "  %-28s %-20s %s\n", inv.Name, inv.Phase, inv.Doc)
	}
	d := sys.Dimensions
	fmt.Fprintf(w, "\n%s overrides: -leases %s; -clients %s; -limit %s; -poll %s\n", sys.Name, d.Leases, d.Clients, d.Limit, d.Poll)
}

// closedBy names the scenarios of sys whose race fix closes.
func closedBy(sys *scenarios.System, fix string) string {
	var out []string
	for _, s := range sys.Scenarios() {
		for _, f := range s.ClosingFixes() {
			if f == fix {
				out = append(out, s.Name)
			}
		}
	}
	return strings.Join(out, ",")
}
