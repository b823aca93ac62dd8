package scenarios

import (
	"time"

	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/systems/layerstore"
)

// layersABBA: with a lock per layer (proposed in #421), operations that
// copy one layer's data into another lock the source, then the
// destination. Two copies in opposite directions each hold one layer and
// wait for the other: an ABBA deadlock (vrothberg in #473). Closed by one
// global lock order (lower-numbered layer first); hypothetical, as the
// per-layer locks were never built.
func layersABBA() *Scenario {
	return &Scenario{
		Name:    "layers-abba",
		Doc:     "two copies lock two layers in opposite order and wait for each other for ever",
		Source:  "containers/storage#473 review (seed 003): \"a per-layer lock, for instance, is subject to ABBA dead locks\"",
		Race:    []string{InvNoDeadlock},
		Closing: []string{layerstore.FixGlobalLockOrder.String()},
		Config: LayerWorkload{
			Layers: 2, Ops: 300, Stores: 4, ReadOnly: true,
			ReaderShares: []float64{0.5}, CopyShare: 0.5,
			ReadHold: hoax.Latency{Min: 5 * time.Millisecond, Max: 20 * time.Millisecond},
			CopyHold: hoax.Latency{Min: 10 * time.Millisecond, Max: 50 * time.Millisecond},
			Think:    hoax.Latency{Max: 50 * time.Millisecond},
			Liveness: time.Hour,
		},
		Failpoints: []Failpoint{{layerstore.FPBetweenLayerLocks, "return(5)"}},
		Recipe: Recipe{Failpoints: []Failpoint{{layerstore.FPBetweenLayerLocks, "return(200)"}},
			Doc: "200ms between a copy's first layer lock and its second"},
	}
}
