package scenarios

import (
	"time"

	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/systems/layerstore"
)

// layersStaleRead: stores opened read-only list layers while writers push
// through the read-write layer store they upgrade to. The stores of one
// process share the lockfile object; its Modified() compares with the
// process's last write, so after another store's Touch a read-only store
// is told nothing changed and reads its cache (mtrmac's review of #473).
// Closed by a per-store record of the generation loaded (ModifiedSince).
func layersStaleRead() *Scenario {
	return &Scenario{
		Name:    "layers-stale-read",
		Doc:     "a read-only store skips the reload after another store's write and reads a stale layer",
		Source:  "containers/storage#473 review (seed 003): \"The RO layer store will continue reading from its cached data, regardless of modifications by the RW store\"",
		Race:    []string{InvReadFresh},
		Closing: []string{layerstore.FixModifiedSincePerStore.String()},
		Config: LayerWorkload{
			Layers: 4, Ops: 400, Stores: 4, ReadOnly: true,
			ReaderShares: []float64{0.8},
			ReadHold:     hoax.Latency{Min: 5 * time.Millisecond, Max: 20 * time.Millisecond},
			WriteHold:    hoax.Latency{Min: 10 * time.Millisecond, Max: 30 * time.Millisecond},
			Think:        hoax.Latency{Max: 50 * time.Millisecond},
			Liveness:     time.Hour,
		},
		Recipe: Recipe{Failpoints: []Failpoint{{layerstore.FPBeforeReadCheck, "return(50)"}},
			Doc: "50ms between taking the read lock and asking whether the lockfile changed"},
	}
}
