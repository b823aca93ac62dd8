package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/drysim/drysim/scenarios/harness"
)

// checkDoc is check -json's one document: every row, then a summary.
type checkDoc struct {
	Build   string     `json:"build"`
	Rows    []checkRow `json:"rows"`
	Summary struct {
		Expectations int  `json:"expectations"`
		Failed       int  `json:"failed"`
		OK           bool `json:"ok"`
	} `json:"summary"`
}

// checkRow is a harness.CheckRow as JSON, with the expectation spelled
// out for machines (reproduces or holds, over how many seeds).
type checkRow struct {
	Scenario     string   `json:"scenario"`
	Strategy     string   `json:"strategy"`
	Workers      int      `json:"workers"`
	Sched        string   `json:"sched"`
	Expect       string   `json:"expect"`
	Reproduces   bool     `json:"reproduces"`
	Of           int      `json:"of"` // the seeds the expectation allows
	Seeds        int      `json:"seeds"`
	Failing      int      `json:"failing"`
	FirstSeed    uint64   `json:"first_seed,omitempty"`
	First        string   `json:"first,omitempty"`
	Repro        string   `json:"repro,omitempty"`
	Hash         string   `json:"hash,omitempty"`
	Steals       int      `json:"steals"`
	Stalls       int      `json:"stalls"`
	StalledSeeds []uint64 `json:"stalled_seeds,omitempty"`
	OverBudget   string   `json:"over_budget,omitempty"` // the budget the row broke
	OK           bool     `json:"ok"`
	Seconds      float64  `json:"seconds"` // wall time
}

func writeCheckJSON(w io.Writer, rows []timedRow) error {
	doc := checkDoc{Build: harness.Build(), Rows: []checkRow{}}
	for _, r := range rows {
		doc.Rows = append(doc.Rows, checkRow{
			Scenario: r.Scenario, Strategy: r.Strategy, Workers: r.Workers, Sched: r.Sched, Expect: r.Expect.String(), Reproduces: r.Expect.Reproduces, Of: r.Expect.Seeds,
			Seeds: r.Seeds, Failing: r.Failing, FirstSeed: r.FirstSeed, First: r.First, Repro: r.Repro, Hash: r.Hash,
			Steals: r.Steals, Stalls: r.Stalls, StalledSeeds: r.StalledSeeds, OverBudget: r.OverBudget, OK: r.OK, Seconds: r.took.Seconds(),
		})
		if !r.OK {
			doc.Summary.Failed++
		}
	}
	doc.Summary.Expectations, doc.Summary.OK = len(rows), doc.Summary.Failed == 0
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// The JUnit XML that CI systems (Jenkins, GitLab, GitHub test reporters)
// read: a suite per scenario, a case per expectation, a failure with the
// repro line so the page that shows the regression says how to rerun it.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
	secs     float64
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func writeJUnit(w io.Writer, rows []timedRow) error {
	doc := junitSuites{Name: "drysim check " + harness.Build()}
	var total float64
	for _, r := range rows {
		if len(doc.Suites) == 0 || doc.Suites[len(doc.Suites)-1].Name != r.Scenario {
			doc.Suites = append(doc.Suites, junitSuite{Name: r.Scenario})
		}
		s := &doc.Suites[len(doc.Suites)-1]
		c := junitCaseOf(r)
		s.Cases = append(s.Cases, c)
		s.Tests++
		doc.Tests++
		if c.Failure != nil {
			s.Failures++
			doc.Failures++
		}
		s.secs += r.took.Seconds()
		s.Time = seconds(s.secs)
		total += r.took.Seconds()
	}
	doc.Time = seconds(total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitCaseOf names a case after the strategy (and the variant it ran
// at) and its expectation, so a CI page reads "reclaim-race: slot holds
// over 200" and "slot (w8) holds over 50".
func junitCaseOf(r timedRow) junitCase {
	c := junitCase{Name: rowName(r.CheckRow) + " " + r.Expect.String(), Classname: "drysim.check." + r.Scenario, Time: seconds(r.took.Seconds())}
	detail := fmt.Sprintf("%d seeds run, %d failing", r.Seeds, r.Failing)
	if r.FirstSeed != 0 {
		detail += fmt.Sprintf("; first: seed %d: %s\nrepro: %s\nhash:  %s", r.FirstSeed, r.First, r.Repro, r.Hash)
	}
	if r.OK {
		c.SystemOut = detail
		return c
	}
	msg := fmt.Sprintf("%s / %s: expected %s; %d of %d seeds failed", r.Scenario, rowName(r.CheckRow), r.Expect, r.Failing, r.Seeds)
	if r.OverBudget != "" {
		msg = fmt.Sprintf("%s / %s: over budget: %s", r.Scenario, rowName(r.CheckRow), r.OverBudget)
	}
	if r.FirstSeed != 0 {
		msg += fmt.Sprintf(", first seed %d: %s", r.FirstSeed, firstLine(r.First))
	}
	c.Failure = &junitFailure{Message: msg, Type: "expectation", Text: detail}
	return c
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func seconds(s float64) string { return fmt.Sprintf("%.3f", s) }
