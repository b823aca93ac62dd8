package scenarios

import (
	"time"

	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/systems/layerstore"
)

// layersWriterStarvation: many workers list layers through read-only
// stores while a share of the operations write. Under a reader-preferring
// lock a reader takes the store lock at once while a writer waits for it,
// and readers that keep coming freeze the writer out (rhatdan in #473).
// Closed by a lock whose waiting writer blocks new readers: Go's
// sync.RWMutex, or a writer-preferring lock.
func layersWriterStarvation() *Scenario {
	return &Scenario{
		Name:    "layers-writer-starvation",
		Doc:     "readers keep taking the store lock past a waiting writer: writer starvation",
		Source:  "containers/storage#473 review (seed 003): \"writers would get frozen out if a continuous stream of readers come in\"",
		Race:    []string{InvWriterWaitBounded},
		Closing: []string{layerstore.FixWritersBlockReaders.String()},
		Config: LayerWorkload{
			Layers: 4, Ops: 1200, Stores: 8, ReadOnly: true,
			ReaderShares:    []float64{0.5, 0.8, 0.9, 0.95, 0.99},
			ReadHold:        hoax.Latency{Min: 20 * time.Millisecond, Max: 100 * time.Millisecond},
			WriteHold:       hoax.Latency{Min: 20 * time.Millisecond, Max: 50 * time.Millisecond},
			Think:           hoax.Latency{Max: 20 * time.Millisecond},
			BoundWriterWait: true, Liveness: time.Hour,
		},
		Recipe: Recipe{Failpoints: []Failpoint{{layerstore.FPReadHold, "return(200)"}},
			Doc: "every read holds the store lock 200ms longer, so reads overlap and a writer always finds a reader inside"},
		Policies: true,
	}
}
