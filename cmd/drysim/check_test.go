package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// check -json prints one JSON document and nothing else: every row, and a
// summary that agrees with them.
func TestCheckJSONIsOneDocument(t *testing.T) {
	code, out, stderr := drysim("check", "-scenario", "release-race", "-seeds", "3", "-json")
	require.Equal(t, 0, code, stderr)
	dec := json.NewDecoder(strings.NewReader(out))
	var doc struct {
		Build string `json:"build"`
		Rows  []struct {
			Scenario, Strategy, Expect, Repro, Hash, Sched string
			Reproduces, OK                                 bool
			Of, Seeds, Failing, Workers                    int
			FirstSeed                                      uint64 `json:"first_seed"`
		} `json:"rows"`
		Summary struct {
			Expectations, Failed int
			OK                   bool
		} `json:"summary"`
	}
	require.NoError(t, dec.Decode(&doc))
	require.False(t, dec.More(), "exactly one document")
	require.NotEmpty(t, doc.Build)
	require.GreaterOrEqual(t, len(doc.Rows), 4, "naive, global, slot and phorge at least")
	require.Equal(t, len(doc.Rows), doc.Summary.Expectations)
	require.True(t, doc.Summary.OK)
	for _, r := range doc.Rows {
		require.Equal(t, "release-race", r.Scenario)
		require.True(t, r.OK, r.Strategy)
		require.Positive(t, r.Workers, "where the row ran")
		require.NotEmpty(t, r.Sched, "where the row ran")
		if r.Reproduces {
			require.Positive(t, r.FirstSeed, r.Strategy)
			require.Contains(t, r.Repro, "drysim run -scenario release-race -strategy "+r.Strategy)
			require.Len(t, r.Hash, 16)
			continue
		}
		require.Equal(t, 3, r.Seeds)
		require.Equal(t, "holds over 3", r.Expect)
	}
}

// The JUnit file against the elements and attributes its schema requires
// (the Ant/Jenkins JUnit XSD): testsuites, testsuite with name, tests and
// failures, testcase with name and classname, failure with message. A
// passing case carries its first violation's repro line in system-out, a
// failed expectation is a failure that says what was expected.
func TestCheckJUnitHasTheSchemasRequiredElements(t *testing.T) {
	path := filepath.Join(t.TempDir(), "check.xml")
	code, out, _ := drysim("check", "-scenario", "release-race", "-strategies", "naive,slot", "-seeds", "2", "-variants=false", "-junit", path)
	require.Equal(t, 0, code, out)
	doc := readJUnit(t, path)
	require.Equal(t, [2]int{2, 0}, doc.count(t))
	require.Contains(t, doc.Suites[0].Cases[0].SystemOut, "repro: drysim run -scenario release-race -strategy naive")

	// One worker under PCT of depth 1 never interleaves two allocations.
	code, out, _ = drysim("check", "-scenario", "double-allocation", "-strategies", "naive,slot", "-seeds", "2", "-workers", "1", "-sched", "pct:1", "-variants=false", "-junit", path)
	require.Equal(t, 1, code, out)
	doc = readJUnit(t, path)
	require.Equal(t, [2]int{2, 1}, doc.count(t))
	failed := doc.Suites[0].Cases[0]
	require.Equal(t, "naive (w1, pct:1) reproduces within 100", *failed.Name)
	require.Equal(t, "double-allocation / naive (w1, pct:1): expected reproduces within 100; 0 of 100 seeds failed", *failed.Failure.Message)
}

type junitFile struct {
	XMLName xml.Name
	Suites  []struct {
		Name     *string `xml:"name,attr"`
		Tests    *string `xml:"tests,attr"`
		Failures *string `xml:"failures,attr"`
		Cases    []struct {
			Name      *string `xml:"name,attr"`
			Classname *string `xml:"classname,attr"`
			Failure   *struct {
				Message *string `xml:"message,attr"`
				Text    string  `xml:",chardata"`
			} `xml:"failure"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func readJUnit(t *testing.T, path string) junitFile {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(data), xml.Header), "an XML declaration first")
	var doc junitFile
	require.NoError(t, xml.Unmarshal(data, &doc))
	return doc
}

// count checks every required element and attribute and that the counts
// agree, and returns the cases and failures.
func (doc junitFile) count(t *testing.T) [2]int {
	t.Helper()
	require.Equal(t, "testsuites", doc.XMLName.Local)
	require.NotEmpty(t, doc.Suites, "at least one testsuite")
	var total [2]int
	for _, s := range doc.Suites {
		require.True(t, s.Name != nil && s.Tests != nil && s.Failures != nil, "testsuite name, tests and failures")
		failures := 0
		for _, c := range s.Cases {
			require.True(t, c.Name != nil && c.Classname != nil, "testcase name and classname")
			if c.Failure != nil {
				require.NotNil(t, c.Failure.Message, "failure message")
				failures++
			}
		}
		require.Equal(t, strconv.Itoa(len(s.Cases)), *s.Tests)
		require.Equal(t, strconv.Itoa(failures), *s.Failures)
		total[0] += len(s.Cases)
		total[1] += failures
	}
	return total
}
