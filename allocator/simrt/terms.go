package simrt

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pingcap/failpoint"
)

// Terms are failpoint terms split for a deterministic world: a leading
// probability, applied by the runtime from the world's PRNG, and the rest,
// evaluated by pingcap/failpoint.
type Terms struct {
	Probability float64 // 1 when the terms have no leading "P%"
	Rest        string
}

var (
	leadingProb = regexp.MustCompile(`^([0-9]+(?:\.[0-9]*)?)%`)
	termAction  = regexp.MustCompile(`^(?:[0-9]+(?:\.[0-9]*)?%|[0-9]+\*)*([a-z]+)(.*)$`)
)

// actions pingcap/failpoint knows, and whether a world may use them. sleep,
// pause, break and print act on the real process and clock.
var allowedActions = map[string]bool{
	"off": true, "return": true, "panic": true,
	"sleep": false, "pause": false, "break": false, "print": false,
}

// ParseTerms checks failpoint terms in pingcap/failpoint's syntax
// (`[P%][N*]action[(value)][->...]`) for use in a world. A probability is
// allowed only at the very start, where the runtime can draw it from the
// world's PRNG; pingcap's own would use the process-wide math/rand. Actions
// that touch the real clock or process are refused.
func ParseTerms(terms string) (Terms, error) {
	t := Terms{Probability: 1, Rest: terms}
	if m := leadingProb.FindStringSubmatch(terms); m != nil {
		p, err := strconv.ParseFloat(m[1], 64)
		if err != nil || p > 100 {
			return Terms{}, fmt.Errorf("terms %q: probability %s%% is not between 0 and 100", terms, m[1])
		}
		t.Probability, t.Rest = p/100, terms[len(m[0]):]
	}
	if t.Rest == "" {
		return Terms{}, fmt.Errorf("terms %q: no action; want e.g. return(1000), 1*return(\"2s\"), off or panic", terms)
	}
	for _, term := range strings.Split(t.Rest, "->") {
		if err := checkTerm(terms, term); err != nil {
			return Terms{}, err
		}
	}
	if err := libraryParse(t.Rest); err != nil {
		return Terms{}, fmt.Errorf("terms %q: %w", terms, err)
	}
	return t, nil
}

// libraryParse runs pingcap/failpoint's own parser, which has the last
// word on syntax. It panics on some malformed values (an index out of
// range on "return(1"); a panic becomes an error.
func libraryParse(rest string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed terms (the failpoint parser failed: %v)", r)
		}
	}()
	var scratch failpoint.Failpoints
	return scratch.Enable("check", rest)
}

func checkTerm(all, term string) error {
	if strings.Contains(term, "%") {
		return fmt.Errorf("terms %q: a probability is allowed only at the start (it is drawn from the world's PRNG)", all)
	}
	m := termAction.FindStringSubmatch(term)
	if m == nil {
		return fmt.Errorf("terms %q: cannot read term %q; want [N*]action[(value)]", all, term)
	}
	allowed, known := allowedActions[m[1]]
	if v := m[2]; v != "" && (!strings.HasPrefix(v, "(") || !strings.HasSuffix(v, ")")) {
		return fmt.Errorf("terms %q: value %q of term %q must be in parentheses, e.g. return(1000)", all, v, term)
	}
	switch {
	case !known:
		return fmt.Errorf("terms %q: unknown action %q; valid: off, return, panic", all, m[1])
	case !allowed:
		return fmt.Errorf("terms %q: action %q acts on the real process, not the world; valid: off, return, panic (use return(<ms>) to widen a window)", all, m[1])
	}
	return nil
}
