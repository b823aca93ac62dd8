package bugbench_test

import (
	"fmt"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/bugbench"
)

// How soon does PCT of depth 2 find the first few bugs, and how often?
func Example() {
	for _, p := range bugbench.Programs()[:3] {
		first, hits := bugbench.SeedsToDetection(p, sim.PCT{Depth: 2}, 100)
		fmt.Printf("%s: first at seed %d, %d of 100 seeds\n", p.Name, first, hits)
	}
	// Output:
	// abba: first at seed 9, 8 of 100 seeds
	// relock: first at seed 1, 44 of 100 seeds
	// rwr: first at seed 3, 9 of 100 seeds
}
