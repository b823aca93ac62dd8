// Package layerstore is drysim's reference model of the containers/storage
// layer store's locking, as containers/storage#473 ("Split RW and RO Layer
// locks per method", seed document 003) and its review describe it: small
// enough to read in one sitting, faithful enough that the races the review
// names can be reproduced and closed one fix at a time.
//
// # The model
//
// Layers are the layers on disk (layers.json), one store-wide lockfile
// (layers.lock: a reader/writer lock and a file whose content changes on
// every Touch) and, as proposed in #421, a reader/writer lock per layer's
// data. A Store is a containers/storage Store of the process, opened
// read-only or read-write; it opens a layer store of that mode, with its
// own cache of layers.json, when it first needs one. A read-only Store that
// writes upgrades: it opens a read-write layer store too, while its reads
// keep going through the read-only one (the #473 design mtrmac reviewed).
//
//	Read   read lock; reload if the lockfile changed; (read-write stores)
//	       repair incomplete layers; read the layer from the cache
//	Write  write lock; reload if changed; repair; write the layer; Touch
//	Copy   lock two layers' data (source read, destination write)
//
// Every lock call, file read and file write is a step (a scheduling point
// in the simulator); Observe hears an Event at the instant each happens,
// which is all a checker needs.
//
// # Strategies and fixes
//
// A Strategy is a lock Policy (go, writer-preferring, reader-preferring)
// and a set of fixes; ParseStrategy reads the named ones and
// <named>-without=<fix>. Each fix closes one race the seed names:
//
//	writers-block-new-readers  writer starvation ("writers would get frozen
//	                           out if a continuous stream of readers come in")
//	modified-since-per-store   stale reads: a store of the process that did
//	                           not write is told nothing changed (mtrmac)
//	fixup-under-write-lock     readers that write: repairs on load under a
//	                           read lock ("consistency fix-ups that write
//	                           data on load")
//	global-lock-order          ABBA deadlock on two layer locks ("a per-layer
//	                           lock ... is subject to ABBA dead locks"),
//	                           hypothetical: per-layer locks were not built
//
// # Failpoints
//
// FPReadHold, FPBeforeReadCheck, FPBeforeFixup and FPBetweenLayerLocks sit
// in the race windows; an enabled one widens its window in virtual time
// (return(500) is half a second), evaluated through Runtime.Failpoint.
//
// # The Runtime seam
//
// The store takes time, locks and failpoints only from a Runtime; it never
// imports the simulator (a test checks the dependency graph). Package
// systems/simrt runs it inside a sim.World, whose RWMutex has the three
// policies and whose deadlock report names the waits-for cycle.
package layerstore
