package reports

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
)

// Sweep describes what a set of records covers, for captions.
type SweepInfo struct {
	Runs                                 int
	Scenarios, Strategies, Scheds        []string
	Workers                              []int
	SeedsPerCombination, First, LastSeed uint64
}

// Describe summarizes records.
func Describe(recs []sweep.Record) SweepInfo {
	info := SweepInfo{Runs: len(recs)}
	type combination struct {
		scenario, strategy, sched string
		workers                   int
	}
	seeds := map[combination]int{}
	for _, r := range recs {
		info.Scenarios = appendUnique(info.Scenarios, r.Scenario)
		info.Strategies = appendUnique(info.Strategies, r.Strategy)
		info.Scheds = appendUnique(info.Scheds, r.Sched)
		info.Workers = appendUnique(info.Workers, r.Workers)
		seeds[combination{r.Scenario, r.Strategy, r.Sched, r.Workers}]++
		if info.First == 0 || r.Seed < info.First {
			info.First = r.Seed
		}
		info.LastSeed = max(info.LastSeed, r.Seed)
	}
	for _, n := range seeds { //drysim:order-independent: a maximum
		info.SeedsPerCombination = max(info.SeedsPerCombination, uint64(n))
	}
	slices.Sort(info.Scenarios)
	slices.SortFunc(info.Strategies, compareStrategies)
	slices.Sort(info.Scheds)
	slices.Sort(info.Workers)
	return info
}

func appendUnique[T comparable](xs []T, x T) []T {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// ScenarioRow is one scenario x strategy line of the safety table.
type ScenarioRow struct {
	Scenario, Strategy   string
	Runs, Failing, Races int
	Per1000              float64 // failing runs per 1000 seeds
	Steals, Stalls       int
	Built, Needed        int // resources, summed over the runs
	MeanSteps            float64
	FirstFailing         *sweep.Record // the first failing run, for its repro line
}

// SafetyTable aggregates records per scenario and strategy.
func SafetyTable(recs []sweep.Record) []ScenarioRow {
	var rows []ScenarioRow
	for _, g := range groupBy(recs, func(r sweep.Record) [2]string { return [2]string{r.Scenario, r.Strategy} }) {
		row := ScenarioRow{Scenario: g.key[0], Strategy: g.key[1]}
		var steps int64
		for i, r := range g.recs {
			row.Runs++
			steps += r.Metrics.Steps
			row.Steals += r.Metrics.Steals
			row.Built += r.Metrics.ResourcesBuilt
			row.Needed += r.Metrics.ResourcesNeeded
			if stalled(r) {
				row.Stalls++
			}
			if r.Race {
				row.Races++
			}
			if r.Failed() {
				row.Failing++
				if row.FirstFailing == nil {
					row.FirstFailing = &g.recs[i]
				}
			}
		}
		row.Per1000 = 1000 * float64(row.Failing) / float64(row.Runs)
		row.MeanSteps = float64(steps) / float64(row.Runs)
		rows = append(rows, row)
	}
	slices.SortFunc(rows, func(a, b ScenarioRow) int {
		return cmp.Or(cmp.Compare(a.Scenario, b.Scenario), compareStrategies(a.Strategy, b.Strategy))
	})
	return rows
}

// stalled reports whether the run broke a measured invariant (a known
// hole such as scenarios.InvReclaimStall).
func stalled(r sweep.Record) bool {
	return slices.ContainsFunc(r.Violations, func(v sweep.Violation) bool { return scenarios.IsMeasured(v.Invariant) })
}

// LoadRow is one strategy x workers line of the load table.
type LoadRow struct {
	Strategy                  string
	Workers, Runs             int
	ActivatedPerMinute        float64 // mean over runs
	WaitP50, WaitP99, WaitMax time.Duration
	Timeouts, Yields          float64 // mean per run
	Built, Needed             float64 // mean resources per run
	ActivateAll               time.Duration
}

// LoadTable aggregates one scenario's records per strategy and worker count.
func LoadTable(recs []sweep.Record, scenario string) []LoadRow {
	var rows []LoadRow
	mine := filter(recs, func(r sweep.Record) bool { return r.Scenario == scenario })
	for _, g := range groupBy(mine, func(r sweep.Record) string { return r.Strategy }) {
		for _, wg := range groupBy(g.recs, func(r sweep.Record) int { return r.Workers }) {
			rows = append(rows, loadRow(g.key, wg.key, wg.recs))
		}
	}
	slices.SortFunc(rows, func(a, b LoadRow) int {
		return cmp.Or(compareStrategies(a.Strategy, b.Strategy), cmp.Compare(a.Workers, b.Workers))
	})
	return rows
}

func loadRow(strategy string, workers int, recs []sweep.Record) LoadRow {
	row := LoadRow{Strategy: strategy, Workers: workers, Runs: len(recs)}
	var p50, p99, all float64
	for _, r := range recs {
		m := r.Metrics
		if m.ActivateAll > 0 {
			row.ActivatedPerMinute += float64(m.LeasesActivated) / m.ActivateAll.Minutes()
		}
		p50 += float64(m.LockWaitP50)
		p99 += float64(m.LockWaitP99)
		row.WaitMax = max(row.WaitMax, m.LockWaitMax)
		row.Timeouts += float64(m.LockTimeouts)
		row.Yields += float64(m.Yields)
		row.Built += float64(m.ResourcesBuilt)
		row.Needed += float64(m.ResourcesNeeded)
		all += float64(m.ActivateAll)
	}
	n := float64(len(recs))
	row.ActivatedPerMinute /= n
	row.WaitP50, row.WaitP99 = time.Duration(p50/n), time.Duration(p99/n)
	row.Timeouts, row.Yields, row.Built, row.Needed = row.Timeouts/n, row.Yields/n, row.Built/n, row.Needed/n
	row.ActivateAll = time.Duration(all / n)
	return row
}

// FirstViolation is, per scenario and scheduler, how many seeds a strategy
// needed before one broke a race invariant: the rank of the first such
// seed, averaged over worker counts (NaN: none in the sweep).
type FirstViolation struct {
	Scenario, Sched string
	Seeds           float64
	Of              int // seeds in the sweep
}

// SeedsToFirstViolation measures a racy strategy per scenario and scheduler.
func SeedsToFirstViolation(recs []sweep.Record, strategy string) []FirstViolation {
	var out []FirstViolation
	for _, g := range groupBy(recs, func(r sweep.Record) [2]string { return [2]string{r.Scenario, r.Sched} }) {
		fv := FirstViolation{Scenario: g.key[0], Sched: g.key[1], Seeds: math.NaN()}
		// Per worker count, the rank of the first racing seed; then the mean.
		var sum float64
		var found, groups int
		for _, wg := range groupBy(filter(g.recs, func(r sweep.Record) bool { return r.Strategy == strategy }), func(r sweep.Record) int { return r.Workers }) {
			groups++
			fv.Of = max(fv.Of, len(wg.recs))
			for i, r := range wg.recs {
				if r.Race {
					sum += float64(i + 1)
					found++
					break
				}
			}
		}
		if found > 0 {
			fv.Seeds = sum / float64(found)
		}
		if groups > 0 {
			out = append(out, fv)
		}
	}
	return out
}

type group[K comparable] struct {
	key  K
	recs []sweep.Record
}

// groupBy splits records (sorted by key) into groups in first-seen order.
func groupBy[K comparable](recs []sweep.Record, key func(sweep.Record) K) []group[K] {
	var out []group[K]
	index := map[K]int{}
	for _, r := range recs {
		k := key(r)
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, group[K]{key: k})
		}
		out[i].recs = append(out[i].recs, r)
	}
	return out
}

func filter(recs []sweep.Record, keep func(sweep.Record) bool) []sweep.Record {
	var out []sweep.Record
	for _, r := range recs {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}

// BuildCount is how many records one build produced.
type BuildCount struct {
	Build string // "" for records from before builds were recorded
	Runs  int
}

// Builds counts records per build, most runs first.
func Builds(recs []sweep.Record) []BuildCount {
	var out []BuildCount
	for _, g := range groupBy(recs, func(r sweep.Record) string { return r.Build }) {
		out = append(out, BuildCount{g.key, len(g.recs)})
	}
	slices.SortFunc(out, func(a, b BuildCount) int { return cmp.Or(cmp.Compare(b.Runs, a.Runs), cmp.Compare(a.Build, b.Build)) })
	return out
}

// Spread is how a per-run value is spread over the runs of one point: its
// mean, and its 10th and 90th percentiles (the band the figures shade).
type Spread struct {
	Mean, P10, P90 float64
	Runs           int
}

func spreadOf(vs []float64) Spread {
	if len(vs) == 0 {
		return Spread{Mean: math.NaN(), P10: math.NaN(), P90: math.NaN()}
	}
	s := slices.Clone(vs)
	slices.Sort(s)
	sum := 0.0
	for _, v := range s {
		sum += v
	}
	return Spread{Mean: sum / float64(len(s)), P10: quantile(s, 0.1), P90: quantile(s, 0.9), Runs: len(s)}
}

// quantile interpolates linearly between the closest ranks of sorted.
func quantile(sorted []float64, q float64) float64 {
	pos := q * float64(len(sorted)-1)
	i := int(pos)
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[i] + (pos-float64(i))*(sorted[i+1]-sorted[i])
}

// LoadPoint is one scenario x strategy x worker count of the load
// figures: throughput and lock-wait p99, each spread over its runs.
type LoadPoint struct {
	Scenario, Strategy string
	Workers            int
	// Throughput is leases activated per virtual minute, from the first
	// request to the last activation (0 for a run that activated none).
	Throughput Spread
	// WaitP99 is each run's 99th percentile of object-lock waits, in
	// virtual seconds: the mean is a mean of per-run p99s.
	WaitP99 Spread
}

// LoadPoints aggregates every scenario's records per strategy and worker
// count.
func LoadPoints(recs []sweep.Record) []LoadPoint {
	var out []LoadPoint
	key := func(r sweep.Record) [2]string { return [2]string{r.Scenario, r.Strategy} }
	for _, g := range groupBy(recs, key) {
		for _, wg := range groupBy(g.recs, func(r sweep.Record) int { return r.Workers }) {
			var tput, wait []float64
			for _, r := range wg.recs {
				tput = append(tput, throughput(r))
				wait = append(wait, r.Metrics.LockWaitP99.Seconds())
			}
			out = append(out, LoadPoint{Scenario: g.key[0], Strategy: g.key[1], Workers: wg.key, Throughput: spreadOf(tput), WaitP99: spreadOf(wait)})
		}
	}
	slices.SortFunc(out, func(a, b LoadPoint) int {
		return cmp.Or(cmp.Compare(a.Scenario, b.Scenario), compareStrategies(a.Strategy, b.Strategy), cmp.Compare(a.Workers, b.Workers))
	})
	return out
}

// throughput is a run's leases activated per virtual minute.
func throughput(r sweep.Record) float64 {
	if m := r.Metrics; m.ActivateAll > 0 {
		return float64(m.LeasesActivated) / m.ActivateAll.Minutes()
	}
	return 0
}
