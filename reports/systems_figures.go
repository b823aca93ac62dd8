package reports

import (
	"fmt"
	"slices"

	"gonum.org/v1/plot"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
)

// atlantisFigures: commands rejected and lock-wait p99 against workers per
// lock policy, and fail-fast beside the policies that wait with a timeout.
func atlantisFigures(sys *scenarios.System, sc string, runs []sweep.Record) []systemFigure {
	rows := policyRows(sys, runs, workersOf)
	xs, rejected := policySeries(rows, func(r policyRow) float64 { return 100 * r.rejected })
	_, waits := policySeries(rows, func(r policyRow) float64 { return r.waitP99 })
	var figs []systemFigure
	if p, err := sysLines("Commands rejected ("+sc+")", "workers", "% of commands", xs, rejected, true); err == nil {
		figs = append(figs, systemFigure{fig: Figure{"atlantis-rejected", "Atlantis: commands rejected per lock policy",
			fmt.Sprintf("Scenario %s: the share of project commands (and plan-all builders) rejected for a lock they lost or timed out on, mean over seeds and schedulers, by worker count and working-dir lock policy. %s", sc, runsCaption(runs))}, panels: []*plot.Plot{p}})
	}
	if p, err := sysLines("Working-dir lock wait p99 ("+sc+")", "workers", "seconds (virtual)", xs, waits, true); err == nil {
		figs = append(figs, systemFigure{fig: Figure{"atlantis-wait-p99", "Atlantis: lock-wait p99 per lock policy",
			fmt.Sprintf("Scenario %s: the 99th percentile of working-dir lock waits (from a failed try to the lock or the timeout; fail-fast never waits), mean over seeds and schedulers, by worker count and policy. %s", sc, runsCaption(runs))}, panels: []*plot.Plot{p}})
	}
	if f, ok := failFastVersusTimeout(sc, rows, runs); ok {
		figs = append(figs, f)
	}
	return figs
}

// timeoutPolicies are fail-fast and the policies that wait with a timeout.
func timeoutPolicies() []string { return []string{"fail-fast", "poll-retry", "queue"} }

// failFastVersusTimeout: two panels side by side, commands rejected and
// lock-wait p99 by worker count, fail-fast against poll-retry and queue.
func failFastVersusTimeout(sc string, rows []policyRow, runs []sweep.Record) (systemFigure, bool) {
	keep := slices.DeleteFunc(slices.Clone(rows), func(r policyRow) bool { return !slices.Contains(timeoutPolicies(), r.strategy) })
	if len(keep) == 0 {
		return systemFigure{}, false
	}
	xs, rejected := policySeries(keep, func(r policyRow) float64 { return 100 * r.rejected })
	_, waits := policySeries(keep, func(r policyRow) float64 { return r.waitP99 })
	var cats []string
	for _, x := range xs {
		cats = append(cats, fmt.Sprintf("%g workers", x))
	}
	left, err1 := sysBars("Rejected: fail-fast vs waiting with a timeout", "% of commands", cats, rejected)
	right, err2 := sysBars("What waiting costs: lock-wait p99", "seconds (virtual)", cats, waits)
	if err1 != nil || err2 != nil {
		return systemFigure{}, false
	}
	return systemFigure{fig: Figure{"atlantis-failfast-vs-timeout", "Atlantis: fail-fast against blocking with a timeout",
		fmt.Sprintf("Scenario %s, side by side: left, the share of commands rejected; right, the lock-wait p99 they pay instead; fail-fast (Atlantis today) against poll-retry and queue, which wait up to the timeout. Means over seeds and schedulers. %s", sc, runsCaption(runs))},
		panels: []*plot.Plot{left, right}}, true
}

// layerFigures: max writer wait against reader share per RW policy.
func layerFigures(sys *scenarios.System, sc string, runs []sweep.Record) []systemFigure {
	at := quotedWorkers(policyRows(sys, runs, workersOf))
	rows := policyRows(sys, filter(runs, func(r sweep.Record) bool { return float64(r.Workers) == at }), func(r sweep.Record) float64 { return r.Metrics.ReaderShare })
	xs, waits := policySeries(rows, func(r policyRow) float64 { return r.writer })
	p, err := sysLines(fmt.Sprintf("Max writer wait (%s, %g workers)", sc, at), "share of operations that read", "seconds (virtual)", xs, waits, true)
	if err != nil {
		return nil
	}
	return []systemFigure{{fig: Figure{"layers-writer-wait", "Layer store: max writer wait per RW policy",
		fmt.Sprintf("Scenario %s at %g workers: the longest a writer waited for the store lock, mean over seeds and schedulers, against the share of operations that read (drawn per run), by reader/writer policy. %s", sc, at, runsCaption(runs))},
		panels: []*plot.Plot{p}}}
}

func runsCaption(runs []sweep.Record) string {
	info := Describe(runs)
	return fmt.Sprintf("Sweep: %d runs; strategies %s; workers %s; schedulers %s; up to %d seeds each.",
		info.Runs, joinParts(info.Strategies), joinParts(intTexts(info.Workers)), joinParts(info.Scheds), info.SeedsPerCombination)
}

func intTexts(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprint(x)
	}
	return out
}
