package harness

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/scenarios"
)

// MaxWindow bounds how long a window failpoint may hold a task in its race
// window: longer than any scenario's safety phase already means "for ever".
const MaxWindow = 24 * time.Hour

// CheckFailpoints checks the value of every term of every failpoint
// against what its failpoint does with it (CheckFailpoint). Errors wrap
// scenarios.ErrConfig.
func CheckFailpoints(fps []scenarios.Failpoint) error {
	for _, fp := range fps {
		if err := CheckFailpoint(fp); err != nil {
			return fmt.Errorf("%w: %w", scenarios.ErrConfig, err)
		}
	}
	return nil
}

// CheckFailpoint checks one failpoint's terms. pingcap/failpoint reads any
// value and lets the code at the failpoint make of it what it can, so a
// typo would silently mean "off" or "fail". The allocator's window
// failpoints (allocator.WindowDuration) take milliseconds, a Go duration
// in quotes, or a bool; the hoax's take "fail" or "hang". A failpoint this
// build does not know gets only the syntax check.
func CheckFailpoint(fp scenarios.Failpoint) error {
	terms := fp.Terms
	if i := strings.IndexByte(terms, '%'); i >= 0 && !strings.ContainsAny(terms[:i], "(*") {
		terms = terms[i+1:] // a leading probability: simrt.ParseTerms checks it
	}
	for _, term := range strings.Split(terms, "->") {
		if err := checkTerm(fp.Name, term); err != nil {
			return fmt.Errorf("failpoint %s=%s: %w", fp.Name, fp.Terms, err)
		}
	}
	return nil
}

// checkTerm checks "[N*]action[(value)]".
func checkTerm(name, term string) error {
	for {
		n, rest, ok := strings.Cut(term, "*")
		if !ok || strings.ContainsAny(n, "()") {
			break
		}
		if c, err := strconv.Atoi(n); err != nil || c < 1 {
			return fmt.Errorf("count %q in %q: want a whole number from 1, e.g. 1*return(2000)", n, term)
		}
		term = rest
	}
	action, value, hasValue := strings.Cut(term, "(")
	if hasValue {
		if !strings.HasSuffix(value, ")") {
			return fmt.Errorf("term %q: the value must end with ')'", term)
		}
		value = strings.TrimSuffix(value, ")")
	}
	switch action {
	case "off":
		if value != "" {
			return fmt.Errorf("term %q: off takes no value", term)
		}
		return nil
	case "panic":
		return nil // the value is only the panic's message
	case "return":
		return checkReturn(name, value)
	}
	return nil // not a value problem: simrt.ParseTerms explains unknown and refused actions
}

// checkReturn checks a return value against the failpoint's kind.
func checkReturn(name, value string) error {
	switch {
	case slices.Contains(allocator.FailpointNames(), name):
		return checkWindow(value)
	case slices.Contains(hoax.FailpointNames(), name):
		if s, err := strconv.Unquote(value); err == nil && (s == "fail" || s == "hang") {
			return nil
		}
		return fmt.Errorf(`value %s: a hoax failpoint takes return("fail") or return("hang")`, orEmpty(value))
	}
	if _, err := parseValue(value); err != nil {
		return err
	}
	return nil
}

// checkWindow checks the value of a race-window failpoint: how long to
// stay in the window (allocator.WindowDuration).
func checkWindow(value string) error {
	want := fmt.Sprintf(`want milliseconds from 0 to %d (return(2000)), a Go duration in quotes up to %v (return("2s")), or true/false`,
		MaxWindow.Milliseconds(), MaxWindow)
	v, err := parseValue(value)
	if err != nil {
		return fmt.Errorf("%w; %s", err, want)
	}
	switch x := v.(type) {
	case int64:
		if x < 0 || x > MaxWindow.Milliseconds() {
			return fmt.Errorf("value %d: %s", x, want)
		}
	case string:
		d, err := time.ParseDuration(x)
		if err != nil || d < 0 || d > MaxWindow {
			return fmt.Errorf("value %q: %s", x, want)
		}
	}
	return nil
}

// parseValue reads a failpoint value the way pingcap/failpoint does: a
// quoted string, a whole number (which must fit in an int), true or false,
// or nothing.
func parseValue(value string) (any, error) {
	if value == "" {
		return true, nil // return() and return stand for true
	}
	if s, err := strconv.Unquote(value); err == nil && strings.HasPrefix(value, `"`) {
		return s, nil
	}
	if b, err := strconv.ParseBool(value); err == nil && (value == "true" || value == "false") {
		return b, nil
	}
	n, err := strconv.ParseInt(value, 10, 64)
	if err == nil && n >= math.MinInt && n <= math.MaxInt {
		return n, nil
	}
	if err != nil && strings.Trim(value, "-0123456789") == "" {
		return nil, fmt.Errorf("value %s does not fit in a whole number", value)
	}
	return nil, fmt.Errorf(`value %s is not a number, a "quoted string", true or false`, value)
}

func orEmpty(v string) string {
	if v == "" {
		return "()"
	}
	return v
}

// FailpointWarnings names the failpoints of a run that cannot fire: a hoax
// failpoint acts only while faults are on, and a scenario without a safety
// phase turns them off before its first request.
func FailpointWarnings(p *scenarios.Prepared) []string {
	var out []string
	for _, fp := range p.Failpoints() {
		if slices.Contains(hoax.FailpointNames(), fp.Name) && p.Safety() == 0 {
			out = append(out, fmt.Sprintf("failpoint %s will never fire: hoax failpoints act only while faults are on, and %s turns them off at the start (no safety phase)",
				fp.Name, p.Scenario.Name))
		}
	}
	return out
}
