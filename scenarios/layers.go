package scenarios

import (
	"fmt"
	"time"

	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/layerstore"
)

// Layer-store invariant names (no-deadlock is shared with Atlantis).
const (
	InvReadFresh         = "read-fresh"
	InvOneWriter         = "one-writer"
	InvWriterWaitBounded = "writer-wait-bounded"
	InvNoDeadlock        = "no-deadlock"
	InvOperationsFinish  = "operations-finish"
)

// noDeadlockDoc documents no-deadlock, which both lock systems check.
const noDeadlockDoc = "no set of tasks waits for each other for ever: the kernel ends a run at the waits-for cycle, reported with every task (and what it was doing) and every lock on it"

// layerStoreSystem is the containers/storage layer store (systems/layerstore).
func layerStoreSystem() *System {
	sys := &System{
		Name:       "layerstore",
		Doc:        "containers/storage's layer store: per-layer and store-wide reader/writer locks, lockfiles with a modification generation, read-only and read-write stores",
		Source:     "containers/storage#473 \"Split RW and RO Layer locks per method\" and its review (seed 003)",
		Reference:  "go",
		Dimensions: Dimensions{Leases: "operations in all", Clients: "storage.Store objects the workers share", Limit: "layers", Poll: "how long a worker thinks between operations"},
		Invariants: []InvariantInfo{
			{Name: InvReadFresh, Doc: "a read (a writer's included) sees the last completed write of its layer: nothing older"},
			{Name: InvOneWriter, Doc: "no two tasks change layers.json, or one layer's data, at once"},
			{Name: InvWriterWaitBounded, Doc: "where the scenario bounds writer wait: no reader takes the store lock at once past a writer blocked on it, so a writer waits only for the holders and writers ahead of it"},
			{Name: InvNoDeadlock, Doc: noDeadlockDoc},
			{Name: InvOperationsFinish, Phase: PhaseLiveness, Doc: "every operation finishes within the liveness budget"},
		},
		parse:     parseLayerStrategy,
		scenarios: layerScenarios,
		prepare:   prepareLayers,
		start:     startLayers,
	}
	describeModel(sys, layerstore.Strategies(), func(s layerstore.StrategyInfo) StrategyInfo {
		return StrategyInfo{Name: s.Name, Doc: s.Doc, Role: modelRole(s.Reference), Hypothetical: s.Hypothetical}
	}, layerstore.Fixes(), layerstore.Failpoints())
	return sys
}

// layerScenarios lists the layer store's scenarios.
func layerScenarios() []*Scenario {
	return []*Scenario{layersWriterStarvation(), layersStaleRead(), layersFixupRace(), layersABBA()}
}

func parseLayerStrategy(name string) (Strategy, error) {
	st, err := layerstore.ParseStrategy(name)
	if err != nil {
		return Strategy{}, err
	}
	return Strategy{Name: st.Name, closes: func(fix string) bool {
		f, err := layerstore.ParseFix(fix)
		return err == nil && st.Has(f)
	}}, nil
}

// LayerWorkload is what a layer-store scenario's workers do: each takes
// the next operation until Ops are done, through one of Stores stores.
type LayerWorkload struct {
	Layers int // layers on disk
	Ops    int // operations in all
	Stores int // storage.Store objects the workers share
	// ReadOnly opens the stores read-only: reads go through read-only
	// layer stores, a write upgrades to a read-write one.
	ReadOnly bool
	// ReaderShares: the share of operations that read is drawn from these
	// per run (one value: fixed); the report plots writer wait against it.
	ReaderShares []float64
	// CopyShare of the operations copy one layer's data into another's;
	// the rest write.
	CopyShare float64
	// CrashShare of the writes die midway and leave the layer incomplete.
	CrashShare                    float64
	ReadHold, WriteHold, CopyHold hoax.Latency
	RepairTime                    time.Duration
	// Think is how long a worker waits between operations.
	Think hoax.Latency
	// BoundWriterWait checks writer-wait-bounded.
	BoundWriterWait bool
	Liveness        time.Duration
}

// layersPrepared is a layer scenario resolved against an identity.
type layersPrepared struct {
	wl       LayerWorkload
	strategy layerstore.Strategy
}

// prepareLayers applies the overrides: leases are operations, clients
// stores, limit layers, poll a fixed think time.
func prepareLayers(p *Prepared) error {
	wl, ok := p.Scenario.Config.(LayerWorkload)
	if !ok {
		return fmt.Errorf("scenario %s has no layer workload", p.Scenario.Name)
	}
	id := p.Identity
	st, _ := layerstore.ParseStrategy(id.Strategy) // Validate read it
	wl.Ops, wl.Stores, wl.Layers = cmpOr(id.Leases, wl.Ops), cmpOr(id.Clients, wl.Stores), cmpOr(id.Limit, wl.Layers)
	if id.Poll > 0 {
		wl.Think = hoax.Latency{Min: id.Poll, Max: id.Poll}
	}
	wl.Stores = max(min(wl.Stores, wl.Ops), 1)
	p.model = &layersPrepared{wl: wl, strategy: st}
	p.Dims = Dims{Leases: wl.Ops, Clients: wl.Stores, Limit: wl.Layers, Poll: wl.Think.Max}
	p.liveness, p.ownLeases = wl.Liveness, p.Scenario.Config.(LayerWorkload).Ops
	p.horizon = int64(wl.Ops) * 40
	return nil
}

func cmpOr(v, def int) int {
	if v != 0 {
		return v
	}
	return def
}

// startLayers builds the layers, the stores and the workers inside w.
func startLayers(p *Prepared, w *sim.World, stopOn string) (*Experiment, error) {
	if err := checkStopOn(stopOn); err != nil {
		return nil, err
	}
	lp := p.model.(*layersPrepared)
	rt, err := systemRuntime(w, p.failpoints)
	if err != nil {
		return nil, err
	}
	run := newLayersRun(w, lp, stopOn)
	run.wl.Liveness = p.Liveness()
	run.layers, err = layerstore.New(rt, layerstore.Config{Strategy: lp.strategy, Layers: lp.wl.Layers, RepairTime: lp.wl.RepairTime, Observe: run.chk.observe})
	if err != nil {
		return nil, fmt.Errorf("%w: scenario %s: %w", ErrConfig, p.Scenario.Name, err)
	}
	run.start(p.Identity.Workers)
	return &Experiment{finish: run.finish}, nil
}
