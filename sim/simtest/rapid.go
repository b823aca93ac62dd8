package simtest

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// ExpectRapidFailure runs a rapid property that must fail (a test that a
// checker catches a broken model) without failing t or writing a fail
// file, and returns what rapid reported. It fails t if rapid finds no
// failing case.
func ExpectRapidFailure(t testing.TB, prop func(*rapid.T)) string {
	t.Helper()
	tb := &rapidRecorder{name: t.Name()}
	// A failure here is the expected result: keep it out of testdata.
	if err := flag.Set("rapid.nofailfile", "true"); err != nil {
		t.Fatalf("simtest: %v (is pgregory.net/rapid linked into the test?)", err)
	}
	defer func() { _ = flag.Set("rapid.nofailfile", "false") }()
	rapid.Check(tb, prop)
	if !tb.failed {
		t.Fatalf("simtest: rapid found no failing case; it must")
	}
	return tb.out.String()
}

// rapidRecorder is a rapid.TB that keeps the report instead of failing.
type rapidRecorder struct {
	name   string
	failed bool
	out    strings.Builder
}

func (r *rapidRecorder) Helper()                    {}
func (r *rapidRecorder) Name() string               { return r.name }
func (r *rapidRecorder) Logf(f string, args ...any) { fmt.Fprintf(&r.out, f+"\n", args...) }
func (r *rapidRecorder) Log(args ...any)            { fmt.Fprintln(&r.out, args...) }
func (r *rapidRecorder) Skipf(string, ...any)       {}
func (r *rapidRecorder) Skip(...any)                {}
func (r *rapidRecorder) SkipNow()                   {}
func (r *rapidRecorder) Errorf(f string, args ...any) {
	r.failed = true
	fmt.Fprintf(&r.out, f+"\n", args...)
}
func (r *rapidRecorder) Error(args ...any)            { r.failed = true; fmt.Fprintln(&r.out, args...) }
func (r *rapidRecorder) Fatalf(f string, args ...any) { r.Errorf(f, args...) }
func (r *rapidRecorder) Fatal(args ...any)            { r.Error(args...) }
func (r *rapidRecorder) FailNow()                     { r.failed = true }
func (r *rapidRecorder) Fail()                        { r.failed = true }
func (r *rapidRecorder) Failed() bool                 { return r.failed }
