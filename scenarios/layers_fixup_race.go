package scenarios

import (
	"time"

	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/systems/layerstore"
)

// layersFixupRace: some writers die midway and leave a layer incomplete;
// stores opened read-write repair incomplete layers when they load, and
// load under the read lock when they only read. Two readers that both
// load the incomplete layer both repair it at once: readers that write
// (mtrmac on #473's "consistency fix-ups that write data on load"). Closed
// by repairing under the write lock, after checking again.
func layersFixupRace() *Scenario {
	return &Scenario{
		Name:    "layers-fixup-race",
		Doc:     "two readers repair the same incomplete layer at once under the read lock",
		Source:  "containers/storage#473 review (seed 003): \"What happens with the current consistency fix-ups that write data on load\"",
		Race:    []string{InvOneWriter},
		Closing: []string{layerstore.FixFixupUnderWriteLock.String()},
		Config: LayerWorkload{
			Layers: 4, Ops: 400, Stores: 8, ReadOnly: false,
			ReaderShares: []float64{0.8}, CrashShare: 0.3,
			ReadHold:   hoax.Latency{Min: 5 * time.Millisecond, Max: 20 * time.Millisecond},
			WriteHold:  hoax.Latency{Min: 10 * time.Millisecond, Max: 30 * time.Millisecond},
			RepairTime: 20 * time.Millisecond,
			Think:      hoax.Latency{Max: 50 * time.Millisecond},
			Liveness:   time.Hour,
		},
		Failpoints: []Failpoint{{layerstore.FPBeforeFixup, "return(20)"}},
		Recipe: Recipe{Failpoints: []Failpoint{{layerstore.FPBeforeFixup, "return(500)"}},
			Doc: "half a second between finding an incomplete layer and repairing it"},
	}
}
