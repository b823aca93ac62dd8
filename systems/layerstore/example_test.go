package layerstore_test

import (
	"fmt"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/layerstore"
	"github.com/drysim/drysim/systems/simrt"
)

// A read-only store of a process reads a layer after a read-write store of
// the same process wrote it. Without modified-since-per-store the shared
// lockfile says nothing changed, and the read comes from the cache.
func Example() {
	for _, strategy := range []string{"go", "go-without=modified-since-per-store"} {
		w := sim.New(sim.Config{Seed: 1})
		st, _ := layerstore.ParseStrategy(strategy)
		layers, _ := layerstore.New(simrt.New(w), layerstore.Config{Strategy: st, Layers: 1})
		ro, rw := layers.Open("podman-images", true), layers.Open("podman-push", false)
		w.Go("user", func() {
			_, _ = ro.Read("images", 0, 0)
			_ = rw.Write("push", 0, 0, false)
			got, _ := ro.Read("images", 0, 0)
			fmt.Printf("%s: read the write %d, disk has %d\n", strategy, got.Stamp, layers.Disk()[0].Stamp)
		})
		w.Run()
	}
	// Output:
	// go: read the write 1, disk has 1
	// go-without=modified-since-per-store: read the write 0, disk has 1
}
