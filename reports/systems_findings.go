package reports

import (
	"fmt"
	"slices"
	"time"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
)

// atlantisFindings: which lock policy rejects the fewest commands at 64
// workers without breaking an invariant, what waiting with a timeout costs
// against fail-fast, and which policies broke an invariant.
func atlantisFindings(sys *scenarios.System, sc string, runs []sweep.Record) []string {
	rows := policyRows(sys, runs, workersOf)
	at := quotedWorkers(rows)
	here := rowsAt(rows, at)
	held, broke := splitHeld(rows, here)
	var out []string
	if len(held) > 0 {
		best := slices.MinFunc(held, func(a, b policyRow) int { return cmpFloat(a.rejected, b.rejected) })
		out = append(out, fmt.Sprintf("Atlantis (%s, %g workers): among the lock policies that broke no invariant, %s rejects the fewest commands, %.1f%%, with a lock-wait p99 of %s (%s).",
			sc, at, best.strategy, 100*best.rejected, seconds(best.waitP99), otherPolicies(held, best.strategy)))
	}
	if f := failFastFinding(sc, at, here); f != "" {
		out = append(out, f)
	}
	for _, b := range broke {
		out = append(out, fmt.Sprintf("Atlantis (%s): %s broke an invariant in %d of %d runs; it is not ranked.", sc, b.strategy, b.failing, b.runs))
	}
	return out
}

// splitHeld splits the rows at one worker count into the strategies that
// broke no invariant at any worker count, and the others (summed).
func splitHeld(all, here []policyRow) (held, broke []policyRow) {
	failing := map[string]policyRow{}
	for _, r := range all {
		f := failing[r.strategy]
		f.strategy, f.runs, f.failing = r.strategy, f.runs+r.runs, f.failing+r.failing
		failing[r.strategy] = f
	}
	for _, r := range here {
		if failing[r.strategy].failing == 0 {
			held = append(held, r)
			continue
		}
		broke = append(broke, failing[r.strategy])
	}
	return held, broke
}

func otherPolicies(rows []policyRow, except string) string {
	var parts []string
	for _, r := range rows {
		if r.strategy != except {
			parts = append(parts, fmt.Sprintf("%s %.1f%% rejected, p99 %s", r.strategy, 100*r.rejected, seconds(r.waitP99)))
		}
	}
	if len(parts) == 0 {
		return "no other policy in the sweep"
	}
	return joinParts(parts)
}

// failFastFinding: what waiting with a timeout buys and costs against
// fail-fast, at one worker count.
func failFastFinding(sc string, at float64, here []policyRow) string {
	find := func(name string) (policyRow, bool) {
		i := slices.IndexFunc(here, func(r policyRow) bool { return r.strategy == name })
		if i < 0 {
			return policyRow{}, false
		}
		return here[i], true
	}
	ff, ok := find("fail-fast")
	if !ok {
		return ""
	}
	var parts []string
	for _, name := range timeoutPolicies()[1:] {
		if r, ok := find(name); ok {
			retries := ""
			if r.retries > 0 {
				retries = fmt.Sprintf(", %.2f retries per command", r.retries)
			}
			parts = append(parts, fmt.Sprintf("%s rejects %.1f%% (a lock-wait p99 of %s, %.1f timeouts per 100 commands%s)",
				name, 100*r.rejected, seconds(r.waitP99), r.timeouts, retries))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("Fail-fast against waiting with a timeout (%s, %g workers): fail-fast rejects %.1f%% of commands and never waits; %s. Every rejected command is a comment its author has to make again; every second of wait is a comment that answers later.",
		sc, at, 100*ff.rejected, joinParts(parts))
}

// layerFindings: writer wait under each RW policy, at the highest reader
// share and over all shares, and which policies broke an invariant.
func layerFindings(sys *scenarios.System, sc string, runs []sweep.Record) []string {
	at := quotedWorkers(policyRows(sys, runs, workersOf))
	atRuns := filter(runs, func(r sweep.Record) bool { return float64(r.Workers) == at })
	byShare := policyRows(sys, atRuns, func(r sweep.Record) float64 { return r.Metrics.ReaderShare })
	overall := policyRows(sys, atRuns, func(sweep.Record) float64 { return 0 })
	if len(overall) == 0 {
		return nil
	}
	top := slices.MaxFunc(byShare, func(a, b policyRow) int { return cmpFloat(a.x, b.x) }).x
	var parts []string
	for _, r := range overall {
		atTop := rowsAt(byShare, top)
		i := slices.IndexFunc(atTop, func(x policyRow) bool { return x.strategy == r.strategy })
		peak := "-"
		if i >= 0 {
			peak = seconds(atTop[i].writer)
		}
		verdict := "held"
		if r.failing > 0 {
			verdict = fmt.Sprintf("broke an invariant in %d of %d runs", r.failing, r.runs)
		}
		parts = append(parts, fmt.Sprintf("%s %s on average, %s at reader share %.2f (%s)", r.strategy, seconds(r.writer), peak, top, verdict))
	}
	best := slices.MinFunc(overall, func(a, b policyRow) int { return cmpFloat(a.writer, b.writer) })
	return []string{fmt.Sprintf("Layer store (%s, %g workers): the longest writer wait is %s; %s keeps writers waiting least.", sc, at, joinParts(parts), best.strategy)}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// seconds spells a mean duration: to the second from ten seconds up, to
// the hundredth below.
func seconds(s float64) string {
	d := time.Duration(s * float64(time.Second))
	if d >= 10*time.Second {
		return d.Round(time.Second).String()
	}
	return d.Round(10 * time.Millisecond).String()
}
