package catalog

import (
	"fmt"
	"strings"
)

// FixInfo documents a fix: what it does, where it comes from and what the
// code did before it (what an ablation restores).
type FixInfo[F ~uint8] struct {
	Fix          F
	Name, Doc    string
	Credit       string
	PreFix       string // what the ablation restores
	Hypothetical bool   // the racy code before it is not documented as real
}

// FailpointInfo documents one failpoint: its name, the race whose window
// it sits in, and what holds while it fires.
type FailpointInfo struct{ Name, Race, Doc string }

// Info is f's entry in fixes, or an entry that names it by number.
func Info[F ~uint8](fixes []FixInfo[F], f F) FixInfo[F] {
	for _, info := range fixes {
		if info.Fix == f {
			return info
		}
	}
	return FixInfo[F]{Fix: f, Name: fmt.Sprintf("Fix(%d)", uint8(f))}
}

// ParseFix reads a fix name of system; the error lists the valid ones.
func ParseFix[F ~uint8](system string, fixes []FixInfo[F], name string) (F, error) {
	names := make([]string, len(fixes))
	for i, f := range fixes {
		if f.Name == name {
			return f.Fix, nil
		}
		names[i] = f.Name
	}
	return 0, fmt.Errorf("unknown %s fix %q; valid: %s", system, name, strings.Join(names, ", "))
}

// Set is a set of fixes (at most 8 per system).
type Set[F ~uint8] uint8

// All is the set of the first n fixes.
func All[F ~uint8](n F) Set[F] { return Set[F](1<<n - 1) }

// Has reports whether f is in the set.
func (s Set[F]) Has(f F) bool { return s&(1<<f) != 0 }

// Without is the set minus fs.
func (s Set[F]) Without(fs ...F) Set[F] {
	for _, f := range fs {
		s &^= 1 << f
	}
	return s
}

// AblationSep joins a strategy and the fixes it goes without.
const AblationSep = "-without="

// ParseAblation splits name into a base strategy and the fixes it drops:
// "go" is ("go", nil), "go-without=a,b" is ("go", [a b]). It checks the
// fixes, not the base (the caller knows its strategies): an unknown fix is
// an error that still returns the base; an empty list after -without=
// returns no base, so the caller calls the whole name unknown.
func ParseAblation[F ~uint8](system, name string, fixes []FixInfo[F]) (base string, without []F, err error) {
	base, list, ablated := strings.Cut(name, AblationSep)
	if !ablated {
		return base, nil, nil
	}
	if list == "" {
		return "", nil, fmt.Errorf("strategy %q names no fix after %s", name, AblationSep)
	}
	for _, part := range strings.Split(list, ",") {
		f, err := ParseFix(system, fixes, part)
		if err != nil {
			return base, nil, fmt.Errorf("strategy %q: %w", name, err)
		}
		without = append(without, f)
	}
	return base, without, nil
}
