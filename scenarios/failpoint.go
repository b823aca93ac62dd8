package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
)

// KnownFailpoints lists every failpoint of every system, sorted; a run
// accepts those of its scenario's system.
func KnownFailpoints() []string {
	var names []string
	for _, sys := range Systems() {
		names = append(names, sys.FailpointNames()...)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// ParseFailpoint reads "name=terms".
func ParseFailpoint(s string) (Failpoint, error) {
	name, terms, ok := strings.Cut(s, "=")
	if !ok || name == "" || terms == "" {
		return Failpoint{}, fmt.Errorf("%w: failpoint %q: want name=terms, e.g. %s=return(2000)", ErrConfig, s, allocator.FPBeforeLinkLease)
	}
	if err := allocator.CheckFailpointName(name, KnownFailpoints()); err != nil {
		return Failpoint{}, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if _, err := simrt.ParseTerms(terms); err != nil {
		return Failpoint{}, fmt.Errorf("%w: failpoint %s: %w", ErrConfig, name, err)
	}
	return Failpoint{Name: name, Terms: terms}, nil
}

func enableFailpoints(rt *simrt.Runtime, fps []Failpoint) error {
	known := KnownFailpoints()
	for _, fp := range fps {
		if err := allocator.CheckFailpointName(fp.Name, known); err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
		if err := rt.EnableFailpoint(fp.Name, fp.Terms); err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
	}
	return nil
}
