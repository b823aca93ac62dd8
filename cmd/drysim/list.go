package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/scenarios"
)

func cmdList(args []string, stdout io.Writer) error {
	fs := newFlags("list")
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	fmt.Fprintln(stdout, "scenarios")
	for _, s := range scenarios.All() {
		fmt.Fprintf(stdout, "  %-24s %s\n", s.Name, s.Doc)
		fmt.Fprintf(stdout, "  %-24s source: %s; race: %s\n", "", s.Source, strings.Join(s.Race, ", "))
		for _, e := range s.Expect {
			fmt.Fprintf(stdout, "  %-24s   %-40s %s\n", "", e.Strategy, e)
		}
	}
	fmt.Fprintln(stdout, "\nstrategies\n  naive, global, slot, slot-without=<fix>[,<fix>...]")
	fmt.Fprintln(stdout, "\nfixes (slot has all; the race each one closes)")
	for _, f := range allocator.AllFixes() {
		fmt.Fprintf(stdout, "  %-28s %s\n", f, fixRace(f))
	}
	fmt.Fprintln(stdout, "\nschedulers\n  random, pct, pct:<depth>")
	fmt.Fprintln(stdout, "\nfailpoints (-failpoint name=terms; terms: return(<ms>), return(\"<duration>\"), N*..., P%..., off, panic)")
	for _, f := range allocator.Failpoints() {
		fmt.Fprintf(stdout, "  %-36s %-20s %s\n", f.Name, f.Race, f.Doc)
	}
	for _, name := range hoax.FailpointNames() {
		fmt.Fprintf(stdout, "  %-36s %-20s %s\n", name, "faults", `return("fail") or return("hang")`)
	}
	fmt.Fprintln(stdout, "\nrecipes (-recipe <race>: failpoints that reproduce the race on seed 1)")
	for _, rc := range scenarios.Recipes() {
		var terms []string
		for _, fp := range rc.Failpoints {
			terms = append(terms, fp.String())
		}
		fmt.Fprintf(stdout, "  %-24s %s\n  %-24s %s\n", rc.Name, strings.Join(terms, " "), "", rc.Doc)
	}
	fmt.Fprintln(stdout, "\ninvariants")
	for _, inv := range scenarios.Invariants() {
		fmt.Fprintf(stdout, "  %-28s %s\n", inv.Name, inv.Doc)
	}
	return nil
}

// fixRace names the scenario whose race a fix closes.
func fixRace(f allocator.Fix) string {
	for _, s := range scenarios.All() {
		if _, ok := s.Expectation("slot-without=" + f.String()); ok {
			return s.Name
		}
	}
	return "-"
}
