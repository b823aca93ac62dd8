package allocator_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/sim"
)

func newStore(seed uint64, trace bool) (*sim.World, *allocator.Store) {
	w := sim.New(sim.Config{Seed: seed, EarlyTimers: sim.DefaultEarlyTimers, Trace: trace})
	return w, allocator.NewStore(simrt.New(w))
}

// Tasks race to take overlapping sets of slot locks. Whatever the
// interleaving, no key ends up with two owners, and every transaction got
// all of its keys or none.
func TestConflictingSlotLockInsertsNeverBothSucceed(t *testing.T) {
	keysets := [][]string{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}, {"a", "c"}, {"e"}, {"e", "b"}}
	for seed := uint64(1); seed <= 200; seed++ {
		w, s := newStore(seed, false)
		errs := make([]error, len(keysets))
		for i, keys := range keysets {
			w.Go(fmt.Sprintf("owner%d", i), func() {
				w.Yield()
				errs[i] = s.Tx("take", func(tx *allocator.Tx) error {
					return tx.AcquireSlotLocks(allocator.ResourceRef(allocator.ID(i+1)), keys)
				})
			})
		}
		res := w.Run()
		require.Equal(t, sim.Done, res.Outcome, res.Reason())
		won := make([]bool, len(keysets))
		for i, err := range errs {
			won[i] = err == nil
			if err != nil {
				require.True(t, allocator.IsSlotConflict(err), "seed %d: %v", seed, err)
			}
		}
		owners := map[string]allocator.Ref{}
		for _, row := range s.PeekSlotLocks() {
			owners[row.Key] = row.Owner
		}
		for i, keys := range keysets {
			owner := allocator.ResourceRef(allocator.ID(i + 1))
			held := s.PeekOwnedSlotLocks(owner)
			if won[i] {
				require.ElementsMatch(t, keys, held, "seed %d: winner %d holds all its keys", seed, i)
				for _, k := range keys {
					require.Equal(t, owner, owners[k], "seed %d: key %s", seed, k)
				}
			} else {
				require.Empty(t, held, "seed %d: loser %d holds nothing", seed, i)
			}
		}
		require.True(t, won[0] || won[1] || won[2] || won[3] || won[4], "seed %d: someone wins the a-d cycle", seed)
	}
}

func TestFailedTransactionLeavesNoPartialRows(t *testing.T) {
	w, s := newStore(1, false)
	var errSeed, errTx, errConflict, errInside error
	w.Go("setup", func() {
		errSeed = s.Tx("seed", func(tx *allocator.Tx) error {
			tx.InsertLease(allocator.Lease{Status: allocator.LeasePending})
			return tx.AcquireSlotLocks(allocator.ResourceRef(99), []string{"taken"})
		})
		errTx = s.Tx("fails", func(tx *allocator.Tx) error {
			id := tx.InsertLease(allocator.Lease{Status: allocator.LeasePending})
			rid := tx.InsertResource(allocator.Resource{Status: allocator.ResourcePending})
			tx.InsertCommand(allocator.Command{Target: allocator.LeaseRef(id), Kind: allocator.CommandRelease})
			errInside = tx.AcquireSlotLocks(allocator.ResourceRef(rid), []string{"x", "y"})
			l, _ := tx.Lease(1)
			l.Status = allocator.LeaseBroken
			errInside = errors.Join(errInside, tx.SaveLease(l))
			tx.Audit(allocator.AuditEntry{Kind: allocator.AuditAllocate})
			return errors.New("boom")
		})
		errConflict = s.Tx("conflicts", func(tx *allocator.Tx) error {
			rid := tx.InsertResource(allocator.Resource{Status: allocator.ResourcePending})
			return tx.AcquireSlotLocks(allocator.ResourceRef(rid), []string{"free", "taken"})
		})
	})
	require.Equal(t, sim.Done, w.Run().Outcome)
	require.NoError(t, errSeed)
	require.NoError(t, errInside, "the writes inside the failing transaction succeeded before it failed")
	require.EqualError(t, errTx, "boom")
	require.True(t, allocator.IsSlotConflict(errConflict))
	require.ErrorContains(t, errConflict, `slot lock "taken" is held by resource:99`)

	leases, resources := s.Counts()
	require.Equal(t, 1, leases)
	require.Equal(t, 0, resources)
	require.Empty(t, slices.Collect(s.AllCommands()))
	require.Len(t, s.AuditLog(), 1, "only the seed's slot-lock fact")
	require.Equal(t, "resource:99 took slot locks [taken]", s.AuditLog()[0].String())
	l, err := s.PeekLease(1)
	require.NoError(t, err)
	require.Equal(t, allocator.LeasePending, l.Status, "the saved lease was restored")
	require.Equal(t, []allocator.SlotLockRow{{Key: "taken", Owner: allocator.ResourceRef(99)}}, s.PeekSlotLocks())
}

func TestReadsAreCopies(t *testing.T) {
	w, s := newStore(1, false)
	var readErr error
	w.Go("t", func() {
		_ = s.Tx("insert", func(tx *allocator.Tx) error {
			tx.InsertLease(allocator.Lease{Status: allocator.LeasePending, Wants: allocator.Attrs("flavour", "linux"), Allocated: []allocator.ID{5}})
			return nil
		})
		var l allocator.Lease
		l, readErr = s.Lease(1)
		l.Allocated[0] = 99
		l.Wants = l.Wants.With("flavour", "windows")
		l.Status = allocator.LeaseBroken
	})
	require.Equal(t, sim.Done, w.Run().Outcome)
	require.NoError(t, readErr)
	l, _ := s.PeekLease(1)
	require.Equal(t, "linux", l.Wants.Value("flavour"))
	require.Equal(t, []allocator.ID{5}, l.Allocated)
	require.Equal(t, allocator.LeasePending, l.Status)
}

func TestEveryStoreCallIsOneSchedulingPoint(t *testing.T) {
	w, s := newStore(1, true)
	w.Go("t", func() {
		_ = s.Tx("store.tx", func(tx *allocator.Tx) error {
			tx.InsertLease(allocator.Lease{Status: allocator.LeasePending})
			tx.InsertResource(allocator.Resource{Status: allocator.ResourcePending})
			return nil
		})
		_, _ = s.Lease(1)
		_ = s.LeasesOn(1)
		_ = s.SlotLocksFree([]string{"a", "b"})
	})
	res := w.Run()
	require.Equal(t, sim.Done, res.Outcome)
	var points []string
	for e := range res.Trace.All() {
		if e.Kind == sim.KindPoint {
			points = append(points, res.Trace.ObjName(e.Obj))
		}
	}
	require.Equal(t, []string{"store.tx", "store.lease", "store.leases", "store.slotlocks"}, points)
}

// Every save stamps the time it is made, as Lisk's willSaveObject stamps
// dateModified (and dateCreated, when unset), whatever time the caller's
// copy carries: canReclaimResource reads it, and a resource whose build
// began long before its first save is not idle at that save. (Found by
// reclaim-rules on pending-attributes, seed 464 of 1000: a resource built
// active was reclaimed in the instant of its first save, because its
// dateModified was the time its build began.)
func TestSavesStampTheirOwnTime(t *testing.T) {
	w, s := newStore(1, false)
	old := time.Unix(0, 0).Add(time.Hour)
	w.Go("saver", func() {
		w.Sleep(5 * time.Second)
		require.NoError(t, s.Tx("insert", func(tx *allocator.Tx) error {
			tx.InsertResource(allocator.Resource{Blueprint: 1, Status: allocator.ResourceActive, Modified: old})
			tx.InsertResource(allocator.Resource{Blueprint: 1, Status: allocator.ResourceActive, Created: old})
			tx.InsertLease(allocator.Lease{Status: allocator.LeasePending, Modified: old})
			return nil
		}))
	})
	require.Equal(t, sim.Done, w.Run().Outcome)
	now := w.Now()
	r1, err := s.PeekResource(1)
	require.NoError(t, err)
	require.Equal(t, now, r1.Modified, "modified when saved, not when the copy was made")
	require.Equal(t, now, r1.Created, "created when first saved, if the caller left it unset")
	r2, err := s.PeekResource(2)
	require.NoError(t, err)
	require.Equal(t, old, r2.Created, "a creation time the caller set stays")
	require.Equal(t, now, r2.Modified)
	l, err := s.PeekLease(1)
	require.NoError(t, err)
	require.Equal(t, now, l.Modified)
}

// Each commit marks its last audit entry, so that a reader of the log
// alone (a live run's checker) can split it into commits: a transaction's
// entries and a note each end one; a failed transaction leaves none.
func TestAuditMarksTheEndOfEachCommit(t *testing.T) {
	w, s := newStore(1, false)
	w.Go("writer", func() {
		_ = s.Tx("two", func(tx *allocator.Tx) error {
			tx.Audit(allocator.AuditEntry{Kind: allocator.AuditAllocate, Resource: 1})
			tx.Audit(allocator.AuditEntry{Kind: allocator.AuditAllocate, Resource: 2})
			return nil
		})
		_ = s.Tx("fails", func(tx *allocator.Tx) error {
			tx.Audit(allocator.AuditEntry{Kind: allocator.AuditAllocate, Resource: 3})
			return errors.New("boom")
		})
		s.Note(allocator.AuditEntry{Kind: allocator.AuditHook, Resource: 4})
		_ = s.Tx("none", func(*allocator.Tx) error { return nil })
	})
	require.Equal(t, sim.Done, w.Run().Outcome)
	var ends []bool
	for _, e := range s.AuditLog() {
		ends = append(ends, e.EndsCommit)
	}
	require.Equal(t, []bool{false, true, true}, ends)
}
