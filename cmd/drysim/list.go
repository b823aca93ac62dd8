package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

func cmdList(args []string, stdout io.Writer) error {
	fs := newFlags("list")
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	listScenarios(stdout)
	fmt.Fprintln(stdout, "\nstrategies")
	for _, s := range scenarios.Strategies() {
		name := s.Name
		for _, a := range s.Aliases {
			name += ", " + a
		}
		fmt.Fprintf(stdout, "  %-28s %s\n", name, s.Doc)
	}
	fmt.Fprintf(stdout, "  %-28s the reference strategy without the named fixes\n", allocator.AblationPrefix+"<fix>[,<fix>...]")
	fmt.Fprintln(stdout, "\nfixes (slot has all; the revision that introduced each, and the races it closes)")
	for _, f := range allocator.Fixes() {
		fmt.Fprintf(stdout, "  %-28s %-29s %s\n  %-28s %s\n  %-28s before it: %s\n", f.Name, f.Credit(), closedRaces(f.Fix), "", f.Doc, "", f.PreFix)
	}
	fmt.Fprintln(stdout, "\nschedulers")
	for _, s := range sim.Schedulers() {
		fmt.Fprintf(stdout, "  %-28s %s\n", s.Syntax, s.Doc)
	}
	listFailpoints(stdout)
	fmt.Fprintln(stdout, "\ninvariants (phase; measured ones are counted, not forbidden)")
	for _, inv := range scenarios.Invariants() {
		phase := inv.Phase.String()
		if inv.Measured {
			phase += ", measured"
		}
		fmt.Fprintf(stdout, "  %-28s %-20s %s\n", inv.Name, phase, inv.Doc)
	}
	listSystems(stdout)
	return nil
}

func listScenarios(w io.Writer) {
	fmt.Fprintln(w, "scenarios")
	for _, s := range scenarios.All() {
		fmt.Fprintf(w, "  %-24s %s\n", s.Name, s.Doc)
		fmt.Fprintf(w, "  %-24s source: %s; race: %s\n", "", s.Source, strings.Join(s.Race, ", "))
		for _, e := range s.Expectations() {
			fmt.Fprintf(w, "  %-24s   %-40s %s\n", "", e.Strategy, e)
		}
	}
}

func listFailpoints(w io.Writer) {
	fmt.Fprintln(w, "\nfailpoints (-failpoint name=terms; terms: return(<ms>), return(\"<duration>\"), N*..., P%..., off, panic)")
	for _, f := range allocator.Failpoints() {
		fmt.Fprintf(w, "  %-36s %-20s %s\n", f.Name, f.Race, f.Doc)
	}
	for _, name := range hoax.FailpointNames() {
		fmt.Fprintf(w, "  %-36s %-20s %s\n", name, "faults", `return("fail") or return("hang")`)
	}
	fmt.Fprintln(w, "\nrecipes (-recipe <scenario>: failpoints that reproduce its race on seed 1)")
	for _, s := range scenarios.All() {
		var terms []string
		for _, fp := range s.Recipe.Failpoints {
			terms = append(terms, fp.String())
		}
		fmt.Fprintf(w, "  %-24s %s\n  %-24s %s\n", s.Name, strings.Join(terms, " "), "", s.Recipe.Doc)
	}
}

// closedRaces names the scenarios whose race a fix closes.
func closedRaces(f allocator.Fix) string {
	var out []string
	for _, s := range scenarios.All() {
		if s.Closes(f) {
			out = append(out, s.Name)
		}
	}
	if len(out) == 0 {
		return "-"
	}
	return strings.Join(out, ",")
}

func listCommand() command {
	return command{name: "list", summary: "list scenarios, strategies, fixes, failpoints and invariants", usage: "drysim list",
		examples: []example{{"drysim list", "everything a run can name, with the recipes that reproduce each race on seed 1"}},
		exits:    exitsBadInput, run: cmdList}
}
