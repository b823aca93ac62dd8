package layerstore

import (
	"time"

	"github.com/drysim/drysim/systems/catalog"
	"github.com/drysim/drysim/systems/window"
)

// Failpoint names. Each sits in one race window; an enabled one widens it
// by sleeping there (return(500) is half a virtual second).
const (
	// FPReadHold: a reader holds the store's read lock (after reading).
	// Widens writer starvation: longer reads overlap more.
	FPReadHold = "layerstore/readHold"
	// FPBeforeReadCheck: a reader holds the read lock and has not yet
	// asked whether the lockfile was modified. Widens stale reads.
	FPBeforeReadCheck = "layerstore/beforeReadCheck"
	// FPBeforeFixup: a load judged a layer incomplete and has not repaired
	// it yet. Widens the fix-up race.
	FPBeforeFixup = "layerstore/beforeFixup"
	// FPBetweenLayerLocks: an operation holds its first layer's lock and
	// has not asked for the second. Widens the ABBA deadlock.
	FPBetweenLayerLocks = "layerstore/betweenLayerLocks"
)

// FailpointInfo documents one failpoint.
type FailpointInfo = catalog.FailpointInfo

// Failpoints lists the layer store's failpoints.
func Failpoints() []FailpointInfo {
	return []FailpointInfo{
		{Name: FPReadHold, Race: "layers-writer-starvation", Doc: "a reader holds the store's read lock"},
		{Name: FPBeforeReadCheck, Race: "layers-stale-read", Doc: "read lock held, modified-since not checked yet"},
		{Name: FPBeforeFixup, Race: "layers-fixup-race", Doc: "an incomplete layer found, not repaired yet"},
		{Name: FPBetweenLayerLocks, Race: "layers-abba", Doc: "one layer locked, the other not asked for yet"},
	}
}

// window stays in a race window for as long as the failpoint says.
func (l *Layers) window(name string) {
	if d := window.Duration(l.rt.Failpoint(name)); d > 0 {
		l.rt.Sleep(d)
	}
}

// hold sleeps for d if it is positive.
func (l *Layers) hold(d time.Duration) {
	if d > 0 {
		l.rt.Sleep(d)
	}
}
