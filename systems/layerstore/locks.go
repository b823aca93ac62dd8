package layerstore

// lockRead takes a read lock: at once if it can (and then says how many
// writers were waiting, which a reader may pass only under a
// reader-preferring lock), else by waiting.
func (l *Layers) lockRead(actor, store string, lk RWLock, name string) {
	if lk.TryRLock() {
		l.emit(Event{Kind: EvLocked, Actor: actor, Store: store, Lock: name, Immediate: true, WritersWaiting: lk.WritersWaiting()})
		return
	}
	start := l.rt.Now()
	lk.RLock()
	l.emit(Event{Kind: EvLocked, Actor: actor, Store: store, Lock: name, Waited: l.rt.Now().Sub(start)})
}

// lockWrite takes a write lock, however long it waits. The wait includes
// any time the task waited to be scheduled at the call.
func (l *Layers) lockWrite(actor, store string, lk RWLock, name string) {
	start := l.rt.Now()
	lk.Lock()
	l.emit(Event{Kind: EvLocked, Actor: actor, Store: store, Lock: name, Write: true, Waited: l.rt.Now().Sub(start)})
}

func (l *Layers) lockMode(actor, store string, lk RWLock, name string, write bool) {
	if write {
		l.lockWrite(actor, store, lk, name)
		return
	}
	l.lockRead(actor, store, lk, name)
}

// unlock releases a lock, telling the checker first (while it still holds
// it, so no one else's lock event comes before).
func (l *Layers) unlock(actor, store string, lk RWLock, name string, write bool) {
	l.emit(Event{Kind: EvUnlocking, Actor: actor, Store: store, Lock: name, Write: write})
	if write {
		lk.Unlock()
		return
	}
	lk.RUnlock()
}
