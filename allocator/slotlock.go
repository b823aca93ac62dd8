package allocator

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// SlotLockConflictError is returned when a slot lock is already held
// (DrydockSlotLockException). It is temporary: callers yield or fall
// through, never break.
type SlotLockConflictError struct {
	Key    string
	Holder Ref
}

func (e *SlotLockConflictError) Error() string {
	return fmt.Sprintf("slot lock %q is held by %s", e.Key, e.Holder)
}

// Unwrap marks the conflict as temporary.
func (e *SlotLockConflictError) Unwrap() error { return ErrTemporary }

// AcquireSlotLocks takes every key for owner or none: it is one multi-row
// INSERT with a unique index. On a conflict nothing is written and the
// error names the first held key and its holder.
func (tx *Tx) AcquireSlotLocks(owner Ref, keys []string) error {
	if tx.db != nil {
		return tx.dbAcquireSlotLocks(owner, keys)
	}
	s := tx.s
	err := checkSlotKeys(owner, keys, func(i int) (Ref, bool) { h, held := s.slots[keys[i]]; return h, held })
	if err != nil || len(keys) == 0 {
		return err
	}
	tx.Audit(AuditEntry{Kind: AuditSlotAcquire, Owner: owner, Keys: keys})
	before := s.owned[owner]
	for _, k := range keys {
		s.slots[k] = owner
	}
	s.owned[owner] = append(slices.Clip(before), keys...)
	tx.undo.slots = append(tx.undo.slots, slotChange{owner: owner, keys: keys, before: before, acquired: true})
	tx.touched = append(tx.touched, owner)
	return nil
}

// ReleaseSlotLocks deletes every slot lock owner holds.
func (tx *Tx) ReleaseSlotLocks(owner Ref) {
	s := tx.s
	if tx.db != nil {
		keys, err := txRead(tx, func() ([]string, error) { return tx.db.DeleteSlotLocks(owner) })
		if err == nil {
			tx.Audit(AuditEntry{Kind: AuditSlotRelease, Owner: owner, Keys: keys})
			if len(keys) > 0 {
				tx.touched = append(tx.touched, owner)
			}
		}
		return
	}
	keys := s.owned[owner]
	tx.Audit(AuditEntry{Kind: AuditSlotRelease, Owner: owner, Keys: keys})
	if len(keys) == 0 {
		return
	}
	for _, k := range keys {
		delete(s.slots, k)
	}
	delete(s.owned, owner)
	tx.undo.slots = append(tx.undo.slots, slotChange{owner: owner, keys: keys, before: keys})
	tx.touched = append(tx.touched, owner)
}

// checkSlotKeys finds the first key of an acquisition that is held
// (holder says by whom) or listed twice, in key order.
func checkSlotKeys(owner Ref, keys []string, holder func(i int) (Ref, bool)) error {
	for i, k := range keys {
		if h, held := holder(i); held {
			return &SlotLockConflictError{Key: k, Holder: h}
		}
		if slices.Contains(keys[:i], k) {
			return fmt.Errorf("slot lock %q listed twice for %s", k, owner)
		}
	}
	return nil
}

// dbAcquireSlotLocks is AcquireSlotLocks in a database transaction: the
// same checks on the holders read in it, then one multi-row insert whose
// unique key catches a holder that was not committed at the read.
func (tx *Tx) dbAcquireSlotLocks(owner Ref, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	hs, err := txRead(tx, func() ([]Ref, error) { return tx.db.SlotHolders(keys) })
	if err != nil {
		return err
	}
	if err := checkSlotKeys(owner, keys, func(i int) (Ref, bool) { return hs[i], hs[i] != Ref{} }); err != nil {
		return err
	}
	err = tx.db.InsertSlotLocks(owner, keys)
	if err != nil && !IsSlotConflict(err) && tx.err == nil {
		tx.err = err
	}
	if err != nil {
		return err
	}
	tx.Audit(AuditEntry{Kind: AuditSlotAcquire, Owner: owner, Keys: keys})
	tx.touched = append(tx.touched, owner)
	return nil
}

func (s *Store) setOwned(owner Ref, keys []string) {
	if len(keys) == 0 {
		delete(s.owned, owner)
		return
	}
	s.owned[owner] = keys
}

// SlotLocksFree is the advisory read (isLockFree): which of keys are free
// now. A free key may be taken before the caller's next step.
func (s *Store) SlotLocksFree(keys []string) []bool {
	s.rt.StepBegin("store.slotlocks")
	defer s.rt.StepEnd()
	if s.db != nil {
		return dbRead(s, func() ([]bool, error) { return s.db.SlotLocksFree(keys) })
	}
	free := make([]bool, len(keys))
	for i, k := range keys {
		_, held := s.slots[k]
		free[i] = !held
	}
	return free
}

// SlotLockRow is one held slot lock, for observers.
type SlotLockRow struct {
	Key   string
	Owner Ref
}

// PeekSlotLocks returns every held slot lock sorted by key (no step).
func (s *Store) PeekSlotLocks() []SlotLockRow {
	if s.db != nil {
		return dumpOr(s, nil, dumpSlotLocks)
	}
	out := make([]SlotLockRow, 0, len(s.slots))
	for k, o := range s.slots { //drysim:order-independent: sorted below
		out = append(out, SlotLockRow{Key: k, Owner: o})
	}
	slices.SortFunc(out, func(a, b SlotLockRow) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

// PeekOwnedSlotLocks returns the keys owner holds now (no step).
func (s *Store) PeekOwnedSlotLocks(owner Ref) []string {
	if s.db != nil {
		var keys []string
		for _, row := range dumpOr(s, nil, dumpSlotLocks) {
			if row.Owner == owner {
				keys = append(keys, row.Key)
			}
		}
		return keys
	}
	return slices.Clone(s.owned[owner])
}

// IsSlotConflict reports whether err is (or wraps) a slot lock conflict.
func IsSlotConflict(err error) bool {
	var c *SlotLockConflictError
	return errors.As(err, &c)
}
