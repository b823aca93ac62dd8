package harness

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/scenarios"
)

// allocatorDefaultWorkers is the worker count a zero CheckConfig.Workers
// means.
const allocatorDefaultWorkers = allocator.DefaultWorkers

// BudgetFactor is how much worse than its baseline a fixed strategy's cost
// may get before its check row fails. Costs move a little with any change
// to the model; twice as many steps per lease, lock timeouts or minutes to
// activate every lease is a regression (a lock that always times out and
// retries, a wait that spins).
const BudgetFactor = 2.0

// Cost is what a check row's runs cost on average.
type Cost struct {
	StepsPerLease float64 `json:"steps_per_lease"`
	LockTimeouts  float64 `json:"lock_timeouts"`
	ActivateAll   float64 `json:"activate_all_s"` // virtual seconds from the first request to the last activation
}

func costOf(m scenarios.Metrics) Cost {
	c := Cost{LockTimeouts: float64(m.LockTimeouts), ActivateAll: m.ActivateAll.Seconds()}
	if m.LeasesRequested > 0 {
		c.StepsPerLease = float64(m.Steps) / float64(m.LeasesRequested)
	}
	return c
}

// add folds the n-th run's cost into a running mean.
func (c *Cost) add(run Cost, n int) {
	f := 1 / float64(n)
	c.StepsPerLease += (run.StepsPerLease - c.StepsPerLease) * f
	c.LockTimeouts += (run.LockTimeouts - c.LockTimeouts) * f
	c.ActivateAll += (run.ActivateAll - c.ActivateAll) * f
}

// Baseline holds the cost each "holds" row had when it was recorded, by
// BaselineKey. drysim check compares against the baseline built into it
// (DefaultBaseline); go test ./scenarios/harness -run TestBudgetBaseline
// -update records a new one after a change meant to alter costs.
type Baseline map[string]Cost

// BaselineKey names a row: scenario, strategy, workers, scheduler.
func BaselineKey(scenario, strategy string, workers int, sched string) string {
	return fmt.Sprintf("%s/%s/w%d/%s", scenario, strategy, workers, sched)
}

// judge names the first budget cost breaks, or "".
func (b Baseline) judge(key string, cost Cost) string {
	base, ok := b[key]
	if !ok {
		return ""
	}
	for _, m := range []struct {
		name       string
		got, limit float64
		floor      float64 // below this the measure is noise
	}{
		{"steps per lease", cost.StepsPerLease, base.StepsPerLease * BudgetFactor, 1},
		{"lock timeouts per run", cost.LockTimeouts, base.LockTimeouts * BudgetFactor, 1},
		{"time to activate every lease", cost.ActivateAll, base.ActivateAll * BudgetFactor, 1},
	} {
		if m.got > max(m.limit, m.floor) {
			return fmt.Sprintf("%s %.1f, over %.1fx its baseline %.1f", m.name, m.got, BudgetFactor, m.limit/BudgetFactor)
		}
	}
	return ""
}

//go:embed testdata/baseline.json
var defaultBaseline []byte

// DefaultBaseline is the baseline drysim was built with.
func DefaultBaseline() (Baseline, error) {
	return ReadBaseline(bytes.NewReader(defaultBaseline))
}

// ReadBaseline reads a baseline written by WriteBaseline.
func ReadBaseline(in io.Reader) (Baseline, error) {
	b := Baseline{}
	if err := json.NewDecoder(in).Decode(&b); err != nil {
		return nil, fmt.Errorf("budget baseline: %w", err)
	}
	return b, nil
}

// WriteBaseline writes the costs of rows that hold, one per line, sorted.
func WriteBaseline(out io.Writer, rows []CheckRow) error {
	b := Baseline{}
	for _, r := range rows {
		if !r.Expect.Reproduces && r.OK {
			b[BaselineKey(r.Scenario, r.Strategy, r.Workers, r.Sched)] = round(r.Cost)
		}
	}
	keys := make([]string, 0, len(b))
	for k := range b { //drysim:order-independent: sorted below
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	buf.WriteString("{\n")
	for i, k := range keys {
		line, err := json.Marshal(b[k])
		if err != nil {
			return err
		}
		sep := ","
		if i == len(keys)-1 {
			sep = ""
		}
		fmt.Fprintf(&buf, "  %q: %s%s\n", k, line, sep)
	}
	buf.WriteString("}\n")
	_, err := out.Write(buf.Bytes())
	return err
}

func round(c Cost) Cost {
	r := func(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }
	return Cost{StepsPerLease: r(c.StepsPerLease), LockTimeouts: r(c.LockTimeouts), ActivateAll: r(c.ActivateAll)}
}
