package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// strategyMeans averages value over the load rows of each base strategy
// whose worker count passes keep.
func (r *Report) strategyMeans(keep func(int) bool, value func(LoadRow) float64) map[string]float64 {
	sum, n := map[string]float64{}, map[string]int{}
	for _, row := range r.LoadRows {
		if keep(row.Workers) {
			sum[row.Strategy] += value(row) * float64(row.Runs)
			n[row.Strategy] += row.Runs
		}
	}
	out := map[string]float64{}
	for st, v := range sum { //drysim:order-independent: a map of means
		out[st] = v / float64(n[st])
	}
	return out
}

// ranked lists the named strategies present in means, best (highest)
// first.
func ranked(means map[string]float64) []string {
	var out []string
	for _, st := range named() {
		if _, ok := means[st]; ok {
			out = append(out, st)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return cmp.Compare(means[b], means[a]) })
	return out
}

func others(order []string, means map[string]float64, format string) string {
	var parts []string
	for _, st := range order[1:] {
		parts = append(parts, fmt.Sprintf("%s "+format, st, means[st]))
	}
	return strings.Join(parts, ", ")
}

func (r *Report) lockWaitFinding() string {
	means := r.strategyMeans(func(w int) bool { return w >= 64 }, func(l LoadRow) float64 { return l.WaitP99.Seconds() })
	order := ranked(means)
	if len(order) < 2 {
		return ""
	}
	worst, global := order[0], coarse()
	if _, ok := means[global]; !ok {
		return fmt.Sprintf("At 64 and more workers the worst lock-wait p99 on %s is %s's, %.2fs (%s); the sweep has no runs of the coarse-lock strategy to compare.",
			r.Load, worst, means[worst], others(order, means, "%.2fs"))
	}
	if worst == global {
		return fmt.Sprintf("At 64 and more workers %s has the worst lock-wait p99 on %s: %.2fs (%s).",
			global, r.Load, means[worst], others(order, means, "%.2fs"))
	}
	return fmt.Sprintf("At 64 and more workers the worst lock-wait p99 on %s is %s's, %.2fs, not %s's (%s): the measurements do not show the coarse lock as the worst waiter here.",
		r.Load, worst, means[worst], global, others(order, means, "%.2fs"))
}

// throughputFinding compares throughput among the strategies that held
// over the whole sweep; a strategy that broke invariants is mentioned, not
// ranked, since its leases may sit on the wrong hosts.
func (r *Report) throughputFinding() string {
	means := r.strategyMeans(func(int) bool { return true }, func(l LoadRow) float64 { return l.ActivatedPerMinute })
	held := map[string]float64{}
	var broke []string
	for _, st := range ranked(means) {
		if r.held(st) {
			held[st] = means[st]
		} else {
			broke = append(broke, fmt.Sprintf("%s reaches %.1f by breaking invariants", st, means[st]))
		}
	}
	order := ranked(held)
	if len(order) == 0 {
		return ""
	}
	best := order[0]
	text := fmt.Sprintf("Among the strategies that held, %s has the best throughput on %s: %.1f leases activated per virtual minute", best, r.Load, held[best])
	if len(order) > 1 {
		text += " (" + others(order, held, "%.1f") + ")"
	}
	if ref := reference(); best != ref {
		if v, ok := held[ref]; ok {
			text += fmt.Sprintf(", not %s (%.1f): the measurements put %s ahead", ref, v, best)
		}
	}
	if len(broke) > 0 {
		text += "; " + strings.Join(broke, ", ")
	}
	return text + "."
}

// held reports whether a strategy broke no invariant in the whole sweep.
func (r *Report) held(strategy string) bool {
	for _, row := range r.Safety {
		if row.Strategy == strategy && row.Failing > 0 {
			return false
		}
	}
	return true
}

// stallFinding counts the measured stalls per named strategy: not
// failures, but the one safety difference among strategies that hold.
func (r *Report) stallFinding() string {
	var parts []string
	total := 0
	for _, st := range named() {
		runs, stalls := 0, 0
		for _, row := range r.Safety {
			if row.Strategy == st {
				runs += row.Runs
				stalls += row.Stalls
			}
		}
		if runs > 0 {
			parts = append(parts, fmt.Sprintf("%s %d of %d runs", st, stalls, runs))
			total += stalls
		}
	}
	if total == 0 {
		return ""
	}
	return fmt.Sprintf("Runs that stalled behind a refused reclaim (measured, not failures: Drydock's own behaviour): %s.", strings.Join(parts, ", "))
}
