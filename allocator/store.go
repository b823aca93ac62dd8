package allocator

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"
)

// Store is the allocator's database: blueprints, resources, leases,
// commands and slot locks. Every call is one Runtime step (one scheduling
// point in the simulator), and a transaction is all or nothing. Reads
// return copies: what a caller read is advisory and may be stale by its
// next step, exactly as a row read from MySQL is.
//
// The rows live in memory (NewStore: the store the simulator uses and
// trusts) or in a database behind Rows (NewStoreOn; allocator/stores has
// SQLite and MySQL). Blueprints are configuration and always stay in
// memory. Everything the allocator sees of a store — steps, transactions,
// audit entries, slot-lock conflicts, the observer — is this type's code in
// both cases; Rows only reads and writes rows.
//
// Methods named Peek* and All* take no step and are for observers
// (invariant checks, reports), never for allocator logic.
type Store struct {
	rt Runtime
	// db keeps the rows when set; the fields below it are then unused.
	db         Rows
	dbErrs     int // database errors a step could not return (see DBErrors)
	blueprints []Blueprint
	resources  []Resource
	leases     []Lease
	commands   []Command
	// onResource lists, per resource, every lease that ever named it, in
	// ID order. Entries are never removed: readers filter on the lease's
	// current Resource, so an undone write leaves a harmless extra entry;
	// an undone insert leaves one past the last lease, which readers skip.
	onResource map[ID][]ID
	// commandsFor lists, per target, its commands' IDs in ID order, so a
	// worker's PendingCommands reads its own few instead of every
	// command. An undone insert is cut from it with the table.
	commandsFor map[Ref][]ID
	slots       map[string]Ref
	owned       map[Ref][]string
	audit       []AuditEntry
	observer    func(Commit)

	tx     *Tx // the open transaction, if any
	freeTx Tx  // reused by every transaction: they never nest
}

// Commit tells an observer what one store step changed. Its slices are
// valid only during the observer's call.
type Commit struct {
	Label   string
	Touched []Ref
	Audit   []AuditEntry // entries added by this step
}

// NewStore makes an empty in-memory store on rt.
func NewStore(rt Runtime) *Store {
	return &Store{rt: rt, slots: make(map[string]Ref), owned: make(map[Ref][]string), onResource: make(map[ID][]ID),
		commandsFor: make(map[Ref][]ID)}
}

// NewStoreOn makes a store whose rows live in db (a database).
func NewStoreOn(rt Runtime, db Rows) *Store {
	s := NewStore(rt)
	s.db = db
	return s
}

// NewOnStore makes an allocator whose store keeps its rows in db (see
// NewStoreOn); New keeps them in memory.
func NewOnStore(rt Runtime, cfg Config, db Rows) (*Allocator, error) {
	a, err := New(rt, cfg)
	if err != nil {
		return nil, err
	}
	a.store.db = db
	return a, nil
}

// Observe registers fn to run after every committed write, inside the same
// atomic step. It is how invariants are checked during a run.
func (s *Store) Observe(fn func(Commit)) { s.observer = fn }

// ErrNotFound is wrapped when a row does not exist.
var ErrNotFound = fmt.Errorf("not found")

// ---- reads (one step each) ----

// Lease reads one lease.
func (s *Store) Lease(id ID) (Lease, error) {
	s.rt.StepBegin("store.lease")
	defer s.rt.StepEnd()
	if s.db != nil {
		return s.db.Lease(id)
	}
	return s.lease(id)
}

// Resource reads one resource.
func (s *Store) Resource(id ID) (Resource, error) {
	s.rt.StepBegin("store.resource")
	defer s.rt.StepEnd()
	if s.db != nil {
		return s.db.Resource(id)
	}
	return s.resource(id)
}

// Blueprints reads every blueprint.
func (s *Store) Blueprints() []Blueprint {
	s.rt.StepBegin("store.blueprints")
	defer s.rt.StepEnd()
	return slices.Clone(s.blueprints)
}

// ResourcesOf reads the resources of blueprint bp whose status passes keep.
func (s *Store) ResourcesOf(bp ID, keep func(ResourceStatus) bool) (out []Resource) {
	s.rt.StepBegin("store.resources")
	defer s.rt.StepEnd()
	if s.db != nil {
		return dbRead(s, func() ([]Resource, error) { return s.db.ResourcesOf(bp, statusesKept(keep)) })
	}
	n := 0
	for i := range s.resources {
		if r := &s.resources[i]; r.Blueprint == bp && keep(r.Status) {
			n++
		}
	}
	out = make([]Resource, 0, n)
	for _, r := range s.resources {
		if r.Blueprint == bp && keep(r.Status) {
			out = append(out, r.clone())
		}
	}
	return out
}

// LeaseBrief is what a resource's worker or a reclaimer reads about the
// leases on a resource: no maps or lists, so reading it costs no copies.
type LeaseBrief struct {
	ID       ID
	Status   LeaseStatus
	Modified time.Time
}

// LeasesOn reads every lease that names resource id.
func (s *Store) LeasesOn(id ID) []LeaseBrief {
	s.rt.StepBegin("store.leases")
	defer s.rt.StepEnd()
	if s.db != nil {
		return dbRead(s, func() ([]LeaseBrief, error) { return s.db.LeasesOn(id) })
	}
	return s.leasesOn(id)
}

// PendingCommands reads target's unconsumed commands in ID order.
func (s *Store) PendingCommands(target Ref) (out []Command) {
	s.rt.StepBegin("store.commands")
	defer s.rt.StepEnd()
	if s.db != nil {
		return dbRead(s, func() ([]Command, error) { return s.db.PendingCommands(target) })
	}
	for _, id := range s.commandsFor[target] {
		if c := s.commands[id-1]; !c.Consumed {
			c.Awaken = slices.Clone(c.Awaken)
			out = append(out, c)
		}
	}
	return out
}

func (s *Store) lease(id ID) (Lease, error) {
	if id < 1 || int(id) > len(s.leases) {
		return Lease{}, fmt.Errorf("lease %d: %w", id, ErrNotFound)
	}
	return s.leases[id-1].clone(), nil
}

func (s *Store) resource(id ID) (Resource, error) {
	if id < 1 || int(id) > len(s.resources) {
		return Resource{}, fmt.Errorf("resource %d: %w", id, ErrNotFound)
	}
	return s.resources[id-1].clone(), nil
}

func (s *Store) leasesOn(id ID) (out []LeaseBrief) {
	for _, lid := range s.onResource[id] {
		if int(lid) > len(s.leases) {
			continue // inserted by a transaction that was undone
		}
		if l := &s.leases[lid-1]; l.Resource == id {
			out = append(out, LeaseBrief{ID: l.ID, Status: l.Status, Modified: l.Modified})
		}
	}
	return out
}

// index records that lease l names its resource.
func (s *Store) index(l Lease) {
	if l.Resource == 0 {
		return
	}
	ids := s.onResource[l.Resource]
	i, found := slices.BinarySearch(ids, l.ID)
	if !found {
		s.onResource[l.Resource] = slices.Insert(ids, i, l.ID)
	}
}

// ---- transactions ----

// Tx is an open transaction. Its reads see its own writes; if the function
// passed to Store.Tx returns an error, every write is undone.
type Tx struct {
	s       *Store
	undo    undoLog
	touched []Ref
	audit0  int
	// db is the database transaction of a store on Rows; its audit
	// entries wait in audit until the commit, and err is the first
	// database error, which fails the whole transaction.
	db    RowsTx
	audit []AuditEntry
	err   error
}

// undoLog is what a transaction changed, kept so that a failure can put it
// back. Inserts are undone by cutting each table back to its length at the
// start; overwrites by restoring the saved rows, newest first. It is reused
// from one transaction to the next, so writing costs no allocation.
type undoLog struct {
	leases0, resources0, commands0 int
	leases                         []Lease
	resources                      []Resource
	consumed                       []ID
	slots                          []slotChange
}

// slotChange is one AcquireSlotLocks or ReleaseSlotLocks: owner held
// before, and keys were taken (acquired) or dropped.
type slotChange struct {
	owner    Ref
	keys     []string
	before   []string
	acquired bool
}

func (u *undoLog) reset(s *Store) {
	u.leases0, u.resources0, u.commands0 = len(s.leases), len(s.resources), len(s.commands)
	clear(u.leases)
	clear(u.resources)
	clear(u.slots)
	u.leases, u.resources, u.consumed, u.slots = u.leases[:0], u.resources[:0], u.consumed[:0], u.slots[:0]
}

func (u *undoLog) apply(s *Store) {
	for i := len(u.slots) - 1; i >= 0; i-- {
		c := u.slots[i]
		for _, k := range c.keys {
			if c.acquired {
				delete(s.slots, k)
			} else {
				s.slots[k] = c.owner
			}
		}
		s.setOwned(c.owner, c.before)
	}
	for _, id := range slices.Backward(u.consumed) {
		s.commands[id-1].Consumed = false
	}
	for _, old := range slices.Backward(u.leases) {
		s.leases[old.ID-1] = old
	}
	for _, old := range slices.Backward(u.resources) {
		s.resources[old.ID-1] = old
	}
	for _, c := range s.commands[u.commands0:] {
		ids := s.commandsFor[c.Target]
		s.commandsFor[c.Target] = ids[:len(ids)-1] // its newest: IDs only grow
	}
	s.leases, s.resources, s.commands = s.leases[:u.leases0], s.resources[:u.resources0], s.commands[:u.commands0]
}

// Tx runs fn as one atomic, all-or-nothing step.
func (s *Store) Tx(label string, fn func(tx *Tx) error) error {
	s.rt.StepBegin(label)
	defer s.rt.StepEnd()
	if s.db != nil {
		return s.runDBTx(label, fn)
	}
	return s.runTx(label, fn)
}

func (s *Store) runTx(label string, fn func(tx *Tx) error) error {
	if s.tx != nil {
		panic("allocator: nested store transaction " + label)
	}
	tx := &s.freeTx
	tx.s, tx.audit0, tx.touched = s, len(s.audit), tx.touched[:0]
	tx.undo.reset(s)
	s.tx = tx
	err := fn(tx)
	s.tx = nil
	if err != nil {
		tx.undo.apply(s)
		s.audit = s.audit[:tx.audit0]
		return err
	}
	s.commit(label, tx.touched, tx.audit0)
	return nil
}

func (s *Store) commit(label string, touched []Ref, audit0 int) {
	endCommit(s.audit[audit0:])
	if s.observer != nil {
		s.observer(Commit{Label: label, Touched: touched, Audit: s.audit[audit0:]})
	}
}

// endCommit marks the last of a commit's audit entries (see
// AuditEntry.EndsCommit); a commit that wrote none has nothing to mark.
func endCommit(entries []AuditEntry) {
	if n := len(entries); n > 0 {
		entries[n-1].EndsCommit = true
	}
}

// Lease reads a lease inside the transaction.
func (tx *Tx) Lease(id ID) (Lease, error) {
	if tx.db != nil {
		return txRead(tx, func() (Lease, error) { return tx.db.Lease(id) })
	}
	return tx.s.lease(id)
}

// Resource reads a resource inside the transaction.
func (tx *Tx) Resource(id ID) (Resource, error) {
	if tx.db != nil {
		return txRead(tx, func() (Resource, error) { return tx.db.Resource(id) })
	}
	return tx.s.resource(id)
}

// LeasesOn reads the leases naming resource id inside the transaction.
func (tx *Tx) LeasesOn(id ID) []LeaseBrief {
	if tx.db != nil {
		out, _ := txRead(tx, func() ([]LeaseBrief, error) { return tx.db.LeasesOn(id) })
		return out
	}
	return tx.s.leasesOn(id)
}

// InsertLease adds a lease and returns its ID.
//
// It stamps Modified with the time of the save, as SaveLease does.
func (tx *Tx) InsertLease(l Lease) ID {
	s := tx.s
	l.Modified = s.rt.Now()
	if tx.db != nil {
		l.ID, _ = txRead(tx, func() (ID, error) { return tx.db.InsertLease(l) })
		tx.touched = append(tx.touched, LeaseRef(l.ID))
		return l.ID
	}
	l.ID = ID(len(s.leases) + 1)
	s.leases = append(s.leases, l.clone())
	s.index(l)
	tx.touched = append(tx.touched, LeaseRef(l.ID))
	return l.ID
}

// SaveLease overwrites the stored lease with l: a blind write, as an ORM
// save is. Status rules are checked where the status changes (SetStatus).
// The save stamps Modified with the time of the save, as Lisk's
// willSaveObject stamps dateModified: the caller may have computed its
// copy before a scheduling point moved the clock.
func (tx *Tx) SaveLease(l Lease) error {
	s := tx.s
	l.Modified = s.rt.Now()
	if tx.db != nil {
		return tx.dbWrite(LeaseRef(l.ID), func() error { return tx.db.SaveLease(l) })
	}
	if l.ID < 1 || int(l.ID) > len(s.leases) {
		return fmt.Errorf("save lease %d: %w", l.ID, ErrNotFound)
	}
	tx.undo.leases = append(tx.undo.leases, s.leases[l.ID-1])
	s.leases[l.ID-1] = l.clone()
	s.index(l)
	tx.touched = append(tx.touched, LeaseRef(l.ID))
	return nil
}

// InsertResource adds a resource and returns its ID.
//
// Like SaveResource it stamps Modified with the time of the save (Lisk's
// willSaveObject), and Created too if the caller left it zero.
func (tx *Tx) InsertResource(r Resource) ID {
	s := tx.s
	r.Modified = s.rt.Now()
	if r.Created.IsZero() {
		r.Created = r.Modified
	}
	if tx.db != nil {
		r.ID, _ = txRead(tx, func() (ID, error) { return tx.db.InsertResource(r) })
		tx.touched = append(tx.touched, ResourceRef(r.ID))
		return r.ID
	}
	r.ID = ID(len(s.resources) + 1)
	s.resources = append(s.resources, r.clone())
	tx.touched = append(tx.touched, ResourceRef(r.ID))
	return r.ID
}

// SaveResource overwrites the stored resource with r (a blind write),
// stamping Modified with the time of the save (see SaveLease).
func (tx *Tx) SaveResource(r Resource) error {
	s := tx.s
	r.Modified = s.rt.Now()
	if tx.db != nil {
		return tx.dbWrite(ResourceRef(r.ID), func() error { return tx.db.SaveResource(r) })
	}
	if r.ID < 1 || int(r.ID) > len(s.resources) {
		return fmt.Errorf("save resource %d: %w", r.ID, ErrNotFound)
	}
	tx.undo.resources = append(tx.undo.resources, s.resources[r.ID-1])
	s.resources[r.ID-1] = r.clone()
	tx.touched = append(tx.touched, ResourceRef(r.ID))
	return nil
}

// InsertCommand queues a command and returns its ID.
func (tx *Tx) InsertCommand(c Command) ID {
	s := tx.s
	c.Awaken = slices.Clone(c.Awaken)
	if tx.db != nil {
		c.ID, _ = txRead(tx, func() (ID, error) { return tx.db.InsertCommand(c) })
	} else {
		c.ID = ID(len(s.commands) + 1)
		s.commands = append(s.commands, c)
		s.commandsFor[c.Target] = append(s.commandsFor[c.Target], c.ID)
	}
	tx.touched = append(tx.touched, c.Target)
	tx.Audit(AuditEntry{Kind: AuditCommand, Command: c.ID, Owner: c.Target, Actor: c.Author, Cause: c.Kind.String()})
	return c.ID
}

// ConsumeCommand marks a command consumed.
func (tx *Tx) ConsumeCommand(id ID) error {
	s := tx.s
	if tx.db != nil {
		return tx.dbConsume(id)
	}
	if id < 1 || int(id) > len(s.commands) {
		return fmt.Errorf("command %d: %w", id, ErrNotFound)
	}
	c := &s.commands[id-1]
	if !c.Consumed {
		c.Consumed = true
		tx.undo.consumed = append(tx.undo.consumed, id)
		tx.Audit(AuditEntry{Kind: AuditConsume, Command: id, Owner: c.Target})
	}
	tx.touched = append(tx.touched, c.Target)
	return nil
}

// Audit appends an entry to the audit log; undone with the transaction.
func (tx *Tx) Audit(e AuditEntry) {
	e.Time = tx.s.rt.Now()
	if tx.db != nil {
		tx.audit = append(tx.audit, e)
		return
	}
	tx.s.audit = append(tx.s.audit, e)
}

// Note records an audit entry outside a transaction (a blueprint hook ran)
// and tells the observer. It takes no step: it observes, it does not act.
func (s *Store) Note(e AuditEntry) {
	e.Time = s.rt.Now()
	if s.db != nil {
		s.dbNote(e)
		return
	}
	n := len(s.audit)
	s.audit = append(s.audit, e)
	s.commit("note", nil, n)
}

// ---- observer reads (no step) ----
//
// On a store on Rows these read the database; a read that fails yields
// nothing (Dump returns the error).

// PeekLease returns lease id as stored now.
func (s *Store) PeekLease(id ID) (Lease, error) {
	if s.db != nil {
		return s.db.Lease(id)
	}
	return s.lease(id)
}

// PeekResource returns resource id as stored now.
func (s *Store) PeekResource(id ID) (Resource, error) {
	if s.db != nil {
		return s.db.Resource(id)
	}
	return s.resource(id)
}

// AllLeases yields every lease in ID order.
func (s *Store) AllLeases() iter.Seq[Lease] { return rows(dumpOr(s, s.leases, dumpLeases)) }

// AllResources yields every resource in ID order.
func (s *Store) AllResources() iter.Seq[Resource] {
	return rows(dumpOr(s, s.resources, dumpResources))
}

// AllCommands yields every command in ID order.
func (s *Store) AllCommands() iter.Seq[Command] { return rows(dumpOr(s, s.commands, dumpCommands)) }

// AllBlueprints yields every blueprint in ID order.
func (s *Store) AllBlueprints() iter.Seq[Blueprint] { return rows(s.blueprints) }

// AuditLog returns the audit log so far. Callers must not modify it.
func (s *Store) AuditLog() []AuditEntry { return dumpOr(s, s.audit, dumpAudit) }

// EachLeaseOn calls fn with every lease naming resource id, as stored now
// (no step, no copy): fn must only read.
func (s *Store) EachLeaseOn(id ID, fn func(*Lease)) {
	if s.db != nil {
		for _, l := range dumpOr(s, nil, dumpLeases) {
			if l.Resource == id {
				fn(&l)
			}
		}
		return
	}
	for _, lid := range s.onResource[id] {
		if int(lid) > len(s.leases) {
			continue // inserted by a transaction that was undone
		}
		if l := &s.leases[lid-1]; l.Resource == id {
			fn(l)
		}
	}
}

// Counts returns how many leases and resources exist.
func (s *Store) Counts() (leases, resources int) {
	if s.db != nil {
		d, _ := s.db.Dump()
		return len(d.Leases), len(d.Resources)
	}
	return len(s.leases), len(s.resources)
}

func rows[T any](xs []T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, x := range xs {
			if !yield(x) {
				return
			}
		}
	}
}

// Dump is every row of a store and its audit log, read at once: what an
// observer checks at the end of a run, whatever keeps the rows.
type Dump struct {
	Leases    []Lease
	Resources []Resource
	Commands  []Command
	SlotLocks []SlotLockRow // sorted by key
	Audit     []AuditEntry
}

// Dump reads every row and the audit log (no step). In memory the rows are
// copies; on Rows the error is the database's.
func (s *Store) Dump() (Dump, error) {
	if s.db != nil {
		return s.db.Dump()
	}
	d := Dump{Commands: slices.Clone(s.commands), SlotLocks: s.PeekSlotLocks(), Audit: slices.Clone(s.audit)}
	for _, l := range s.leases {
		d.Leases = append(d.Leases, l.clone())
	}
	for _, r := range s.resources {
		d.Resources = append(d.Resources, r.clone())
	}
	for i := range d.Commands {
		d.Commands[i].Awaken = slices.Clone(d.Commands[i].Awaken)
	}
	return d, nil
}

func dumpLeases(d Dump) []Lease          { return d.Leases }
func dumpResources(d Dump) []Resource    { return d.Resources }
func dumpCommands(d Dump) []Command      { return d.Commands }
func dumpAudit(d Dump) []AuditEntry      { return d.Audit }
func dumpSlotLocks(d Dump) []SlotLockRow { return d.SlotLocks }

// dumpOr returns mem for an in-memory store, else the part of a database
// dump that part picks (nothing if the dump fails).
func dumpOr[T any](s *Store, mem []T, part func(Dump) []T) []T {
	if s.db == nil {
		return mem
	}
	d, err := s.db.Dump()
	if err != nil {
		return nil
	}
	return part(d)
}

// AddBlueprint registers a blueprint. It is set-up, not a step.
func (s *Store) AddBlueprint(name string, impl BlueprintImpl) ID {
	id := ID(len(s.blueprints) + 1)
	s.blueprints = append(s.blueprints, Blueprint{ID: id, Name: name, Impl: impl})
	return id
}

// SetStatus moves a lease to `to` at now, or returns an error wrapping
// ErrIllegalTransition and leaves it unchanged.
func (l *Lease) SetStatus(to LeaseStatus, now time.Time) error {
	if err := CheckLeaseTransition(l.Status, to); err != nil {
		return fmt.Errorf("lease %d: %w", l.ID, err)
	}
	l.Status = to
	l.Modified = now
	return nil
}

// WriteStatus sets the lease's status with no transition check, as
// Drydock's setStatus does on the release and destroy paths: nothing there
// guards against a second release of a destroyed lease, which only the
// command loop's stop prevents (see FixCommandLoopStops). The checker's
// status-transitions invariant catches a write that should not happen.
func (l *Lease) WriteStatus(to LeaseStatus, now time.Time) {
	l.Status = to
	l.Modified = now
}

// WriteStatus sets the resource's status with no transition check (see
// Lease.WriteStatus).
func (r *Resource) WriteStatus(to ResourceStatus, now time.Time) {
	r.Status = to
	r.Modified = now
}

// SetStatus moves a resource to `to` at now, or returns an error wrapping
// ErrIllegalTransition and leaves it unchanged.
func (r *Resource) SetStatus(to ResourceStatus, now time.Time) error {
	if err := CheckResourceTransition(r.Status, to); err != nil {
		return fmt.Errorf("resource %d: %w", r.ID, err)
	}
	r.Status = to
	r.Modified = now
	return nil
}

// ---- rows in a database ----

// Rows keeps a store's rows in a database (package allocator/stores). The
// Store still makes every call one Runtime step, builds every audit entry
// and tells the observer; Rows only reads and writes. Any method may fail
// with the database's error. Many tasks call it at once.
type Rows interface {
	Lease(id ID) (Lease, error)
	Resource(id ID) (Resource, error)
	// ResourcesOf reads blueprint bp's resources whose status is one of
	// statuses, in ID order.
	ResourcesOf(bp ID, statuses []ResourceStatus) ([]Resource, error)
	LeasesOn(id ID) ([]LeaseBrief, error)
	PendingCommands(target Ref) ([]Command, error)
	SlotLocksFree(keys []string) ([]bool, error)
	CountByStatus(bp ID) ([ResourceDestroyed + 1]int, error)
	LinkedLeases(id ID) (int, error)
	// Begin opens a transaction that sees its own writes and whose reads
	// see what is committed (locking what they read where the database
	// can), so that a read, check and write inside one is atomic.
	Begin() (RowsTx, error)
	// Note appends one audit entry on its own (a statement of its own).
	Note(e AuditEntry) error
	Dump() (Dump, error)
}

// RowsTx is an open database transaction. After any error the Store rolls
// it back; Commit writes the audit entries it was given first.
type RowsTx interface {
	Lease(id ID) (Lease, error)
	Resource(id ID) (Resource, error)
	LeasesOn(id ID) ([]LeaseBrief, error)
	InsertLease(l Lease) (ID, error)
	SaveLease(l Lease) error
	InsertResource(r Resource) (ID, error)
	SaveResource(r Resource) error
	InsertCommand(c Command) (ID, error)
	// ConsumeCommand marks command id consumed and says whether it was
	// unconsumed before, and its target.
	ConsumeCommand(id ID) (target Ref, was bool, err error)
	// SlotHolders returns, for each key, its holder or the zero Ref.
	SlotHolders(keys []string) ([]Ref, error)
	// InsertSlotLocks writes one row per key for owner, all or none; a
	// unique-key violation (a holder committed or in flight) returns a
	// *SlotLockConflictError.
	InsertSlotLocks(owner Ref, keys []string) error
	// DeleteSlotLocks deletes owner's slot locks and returns their keys in
	// the order they were taken.
	DeleteSlotLocks(owner Ref) ([]string, error)
	Commit(audit []AuditEntry) error
	Rollback() error
}

// DBErrors counts database errors that a step could not hand back to the
// allocator (a read whose signature has no error yields nothing).
func (s *Store) DBErrors() int { return s.dbErrs }

// dbRead runs a database read whose step cannot return its error: it
// counts the error and yields nothing.
func dbRead[T any](s *Store, read func() (T, error)) T {
	v, err := read()
	if err != nil {
		s.dbErrs++
	}
	return v
}

// statusesKept lists the resource statuses keep accepts, so that a
// database can filter rows without calling Go.
func statusesKept(keep func(ResourceStatus) bool) []ResourceStatus {
	var out []ResourceStatus
	for st := ResourcePending; st <= ResourceDestroyed; st++ {
		if keep(st) {
			out = append(out, st)
		}
	}
	return out
}

// txRead runs a database call inside tx. After the first error nothing
// runs, and the transaction will fail with that error; a row that does
// not exist is an answer, not a failure.
func txRead[T any](tx *Tx, call func() (T, error)) (T, error) {
	var zero T
	if tx.err != nil {
		return zero, tx.err
	}
	v, err := call()
	if err != nil && !errors.Is(err, ErrNotFound) {
		tx.err = err
	}
	return v, err
}

func (tx *Tx) dbWrite(ref Ref, write func() error) error {
	_, err := txRead(tx, func() (struct{}, error) { return struct{}{}, write() })
	if err == nil {
		tx.touched = append(tx.touched, ref)
	}
	return err
}

func (tx *Tx) dbConsume(id ID) error {
	type consumed struct {
		target Ref
		was    bool
	}
	c, err := txRead(tx, func() (consumed, error) {
		target, was, err := tx.db.ConsumeCommand(id)
		return consumed{target, was}, err
	})
	if err != nil {
		return fmt.Errorf("command %d: %w", id, err)
	}
	if c.was {
		tx.Audit(AuditEntry{Kind: AuditConsume, Command: id, Owner: c.target})
	}
	tx.touched = append(tx.touched, c.target)
	return nil
}

// runDBTx is Tx on a database: fn's writes go to the database transaction,
// which commits only if fn succeeded and no database call failed.
func (s *Store) runDBTx(label string, fn func(tx *Tx) error) error {
	db, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("%s: begin: %w", label, err)
	}
	tx := &Tx{s: s, db: db}
	defer func() {
		if p := recover(); p != nil {
			_ = db.Rollback() // hand the database's locks back before the panic goes on
			panic(p)
		}
	}()
	err = fn(tx)
	if err == nil && tx.err != nil {
		err = fmt.Errorf("%s: %w", label, tx.err)
	}
	if err != nil {
		_ = db.Rollback() // the error that made us roll back is the one to report
		return err
	}
	endCommit(tx.audit)
	if err := db.Commit(tx.audit); err != nil {
		return fmt.Errorf("%s: commit: %w", label, err)
	}
	if s.observer != nil {
		s.observer(Commit{Label: label, Touched: tx.touched, Audit: tx.audit})
	}
	return nil
}

func (s *Store) dbNote(e AuditEntry) {
	e.EndsCommit = true // a note is a commit of its own
	if err := s.db.Note(e); err != nil {
		s.dbErrs++
		return
	}
	if s.observer != nil {
		s.observer(Commit{Label: "note", Audit: []AuditEntry{e}})
	}
}
