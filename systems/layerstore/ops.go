package layerstore

import (
	"slices"
	"time"
)

// Read reads layer i through the store's read layer store, under the
// store's read lock, after reloading layers.json if it changed; a
// read-write layer store repairs incomplete layers it loads. It holds the
// lock for hold.
func (s *Store) Read(actor string, i int, hold time.Duration) (Layer, error) {
	l := s.l
	if err := l.checkLayer(i); err != nil {
		return Layer{}, err
	}
	ls := s.readStore()
	lk := l.lockfile.rw
	l.lockRead(actor, ls.name, lk, StoreLock)
	l.reloadIfChanged(actor, ls)
	if ls.write && incomplete(ls.cache) {
		l.repairUnderReadLock(actor, ls)
	}
	got := ls.cache[i]
	l.emit(Event{Kind: EvRead, Actor: actor, Store: ls.name, Lock: StoreLock, Layer: i, Stamp: got.Stamp})
	l.hold(hold)
	l.window(FPReadHold)
	l.unlock(actor, ls.name, lk, StoreLock, false)
	return got, nil
}

// Write writes layer i through the read-write layer store (opening it: a
// read-only store upgrades), under the store's write lock: it reloads if
// layers.json changed, builds on what it read, saves the layer and touches
// the lockfile. crash leaves the layer incomplete, as a writer that died.
func (s *Store) Write(actor string, i int, hold time.Duration, crash bool) error {
	l := s.l
	if err := l.checkLayer(i); err != nil {
		return err
	}
	ls := s.writeStore()
	lk := l.lockfile.rw
	l.lockWrite(actor, ls.name, lk, StoreLock)
	l.reloadIfChanged(actor, ls)
	l.repairAll(actor, ls)
	l.emit(Event{Kind: EvRead, Actor: actor, Store: ls.name, Lock: StoreLock, Layer: i, Stamp: ls.cache[i].Stamp})
	l.mutate(actor, ls, i, hold, crash, false)
	l.unlock(actor, ls.name, lk, StoreLock, true)
	return nil
}

// Copy copies layer src's data into layer dst under the layers' own locks
// (src read, dst write): in the order it names them, or, with
// global-lock-order, lower-numbered layer first.
func (s *Store) Copy(actor string, src, dst int, hold time.Duration) error {
	l := s.l
	for _, i := range []int{src, dst} {
		if err := l.checkLayer(i); err != nil {
			return err
		}
	}
	type step struct {
		layer int
		write bool
	}
	order := []step{{src, false}, {dst, true}}
	if l.st.Has(FixGlobalLockOrder) && dst < src {
		order[0], order[1] = order[1], order[0]
	}
	for n, st := range order {
		if n > 0 {
			l.window(FPBetweenLayerLocks)
		}
		l.lockMode(actor, s.name, l.layerLocks[st.layer], LayerLock(st.layer), st.write)
	}
	l.emit(Event{Kind: EvMutateBegin, Actor: actor, Store: s.name, Lock: LayerLock(dst), Layer: dst})
	l.hold(hold)
	l.emit(Event{Kind: EvMutateEnd, Actor: actor, Store: s.name, Lock: LayerLock(dst), Layer: dst})
	for _, st := range slices.Backward(order) {
		l.unlock(actor, s.name, l.layerLocks[st.layer], LayerLock(st.layer), st.write)
	}
	return nil
}

// reloadIfChanged reloads the layer store's cache if the lockfile says
// layers.json changed: since the generation this store loaded (with
// modified-since-per-store), or since the process last wrote or read it.
func (l *Layers) reloadIfChanged(actor string, ls *layerStore) {
	l.window(FPBeforeReadCheck)
	lf := l.lockfile
	changed := ls.fresh
	switch {
	case l.st.Has(FixModifiedSincePerStore):
		changed = changed || lf.ModifiedSince(ls.loaded)
	default:
		changed = lf.Modified() || changed
	}
	if !changed {
		return
	}
	l.rt.StepBegin("layers.json.read")
	ls.cache, ls.loaded, ls.fresh = slices.Clone(l.disk), lf.Generation(), false
	l.rt.StepEnd()
	l.emit(Event{Kind: EvReload, Actor: actor, Store: ls.name, Lock: StoreLock})
}

func incomplete(layers []Layer) bool {
	return slices.ContainsFunc(layers, func(x Layer) bool { return x.Incomplete })
}

// repairUnderReadLock repairs the incomplete layers a read-write layer
// store loaded while holding only the read lock: on the spot (readers that
// write), or, with fixup-under-write-lock, under the write lock after
// loading again, and then back to the read lock.
func (l *Layers) repairUnderReadLock(actor string, ls *layerStore) {
	lk := l.lockfile.rw
	if !l.st.Has(FixFixupUnderWriteLock) {
		l.window(FPBeforeFixup)
		l.repairAll(actor, ls)
		return
	}
	l.unlock(actor, ls.name, lk, StoreLock, false)
	l.lockWrite(actor, ls.name, lk, StoreLock)
	l.reloadIfChanged(actor, ls)
	l.window(FPBeforeFixup)
	l.repairAll(actor, ls)
	l.unlock(actor, ls.name, lk, StoreLock, true)
	l.lockRead(actor, ls.name, lk, StoreLock)
	l.reloadIfChanged(actor, ls)
}

// repairAll repairs every incomplete layer in the cache, as
// layerStore.load deletes incomplete layers and saves.
func (l *Layers) repairAll(actor string, ls *layerStore) {
	for i, x := range ls.cache {
		if x.Incomplete {
			l.mutate(actor, ls, i, l.cfg.RepairTime, false, true)
		}
	}
}

// mutate changes layer i on disk: the work takes hold, then the record is
// saved with a new stamp and the lockfile touched.
func (l *Layers) mutate(actor string, ls *layerStore, i int, hold time.Duration, crash, repair bool) {
	l.emit(Event{Kind: EvMutateBegin, Actor: actor, Store: ls.name, Lock: StoreLock, Write: true, Layer: i, Repair: repair})
	l.hold(hold)
	l.rt.StepBegin("layers.json.write")
	l.stamps++
	x := Layer{Stamp: l.stamps, Incomplete: crash}
	l.disk[i], ls.cache[i] = x, x
	gen := l.lockfile.Touch()
	if l.st.Has(FixModifiedSincePerStore) && ls.loaded+1 == gen {
		ls.loaded = gen // nobody else wrote since this store loaded
	}
	l.rt.StepEnd()
	l.emit(Event{Kind: EvMutateEnd, Actor: actor, Store: ls.name, Lock: StoreLock, Write: true, Layer: i, Stamp: x.Stamp, Repair: repair})
}
