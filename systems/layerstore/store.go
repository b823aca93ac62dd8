package layerstore

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// ErrConfig is wrapped by every error about a store's configuration.
var ErrConfig = errors.New("bad layer-store config")

// StoreLock is the name of the store-wide lock (layers.lock).
const StoreLock = "layers.lock"

// Layer is one layer's record in layers.json.
type Layer struct {
	// Stamp names the write that made this version of the layer (0: as it
	// was when the store was created); every write gets a new one.
	Stamp uint64
	// Incomplete: a writer died before it finished; the next read-write
	// load repairs the layer.
	Incomplete bool
}

// Config configures the layers of one process.
type Config struct {
	Strategy Strategy
	Layers   int
	// RepairTime is how long repairing an incomplete layer takes.
	RepairTime time.Duration
	// Observe, if set, hears every event at the instant it happens.
	Observe func(Event)
}

// Layers are the layers on disk (layers.json), the store-wide lockfile and
// a lock per layer's data: what every layer store of the process shares.
type Layers struct {
	rt         Runtime
	st         Strategy
	cfg        Config
	lockfile   *Lockfile
	disk       []Layer
	layerLocks []RWLock
	stamps     uint64
}

// New makes n layers, all complete, with their locks.
func New(rt Runtime, cfg Config) (*Layers, error) {
	if cfg.Layers < 1 {
		return nil, fmt.Errorf("%w: %d layers: want 1 or more", ErrConfig, cfg.Layers)
	}
	if cfg.RepairTime < 0 {
		return nil, fmt.Errorf("%w: repair time %v: want 0 or more", ErrConfig, cfg.RepairTime)
	}
	policy := cfg.Strategy.LockPolicy()
	l := &Layers{rt: rt, st: cfg.Strategy, cfg: cfg, disk: make([]Layer, cfg.Layers)}
	l.lockfile = &Lockfile{name: StoreLock, rw: rt.NewRWLock(StoreLock, policy)}
	for i := range cfg.Layers {
		l.layerLocks = append(l.layerLocks, rt.NewRWLock(LayerLock(i), policy))
	}
	return l, nil
}

// LayerLock names the lock of layer i's data.
func LayerLock(i int) string { return fmt.Sprintf("layer-%d", i+1) }

// Disk is a copy of layers.json as it is now.
func (l *Layers) Disk() []Layer { return slices.Clone(l.disk) }

// Lockfile is the store-wide lockfile.
func (l *Layers) Lockfile() *Lockfile { return l.lockfile }

// Strategy is the strategy the layers run.
func (l *Layers) Strategy() Strategy { return l.st }

func (l *Layers) emit(e Event) {
	if l.cfg.Observe != nil {
		l.cfg.Observe(e)
	}
}

func (l *Layers) checkLayer(i int) error {
	if i < 0 || i >= len(l.disk) {
		return fmt.Errorf("layer %d: want 0 to %d", i, len(l.disk)-1)
	}
	return nil
}

// Store is a containers/storage Store of the process: opened read-only or
// read-write, it opens a layer store of that mode when it first needs one,
// and a read-only store that writes upgrades to a read-write layer store
// (one-directional, as mtrmac suggested in #473) while its reads keep
// using the read-only one.
type Store struct {
	l        *Layers
	name     string
	readOnly bool
	ro, rw   *layerStore
}

// layerStore is one layer store: its mode and its cache of layers.json.
type layerStore struct {
	name   string
	write  bool
	cache  []Layer
	loaded uint64 // the lockfile generation the cache was loaded at
	fresh  bool   // never loaded
}

// Open opens a store; readOnly chooses its mode.
func (l *Layers) Open(name string, readOnly bool) *Store {
	return &Store{l: l, name: name, readOnly: readOnly}
}

// readStore is the layer store reads go through.
func (s *Store) readStore() *layerStore {
	if s.readOnly {
		if s.ro == nil {
			s.ro = &layerStore{name: s.name + "/ro", fresh: true}
		}
		return s.ro
	}
	return s.writeStore()
}

// writeStore is the read-write layer store, opened on first use.
func (s *Store) writeStore() *layerStore {
	if s.rw == nil {
		s.rw = &layerStore{name: s.name + "/rw", write: true, fresh: true}
	}
	return s.rw
}
