package hoax

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/drysim/drysim/allocator"
)

// Attribute names the hoax sets on resources.
const (
	AttrFlavour = "flavour"
	AttrBinding = "binding"
)

// Slot lock keys, built by concatenation: they are made on every call.
func bindingKey(b string) string { return "almanac.host.binding(" + b + ")" }

func limitKey(bp allocator.ID, n int) string {
	return "allocator(" + strconv.FormatInt(int64(bp), 10) + ").limit(" + strconv.Itoa(n) + ")"
}

func leaseSlotKey(r allocator.ID, n int) string {
	return "hoax.resource(" + strconv.FormatInt(int64(r), 10) + ").lease(" + strconv.Itoa(n) + ")"
}

// ParseSlotKey reads a slot lock key the hoax writes: its class and what
// it names (a binding, a blueprint ID, a resource ID). ok is false for a
// key the hoax never writes.
func ParseSlotKey(key string) (class allocator.SlotClass, names string, ok bool) {
	for _, k := range []struct {
		prefix string
		class  allocator.SlotClass
	}{{"almanac.host.binding(", allocator.SlotBinding}, {"allocator(", allocator.SlotLimit}, {"hoax.resource(", allocator.SlotLease}} {
		if rest, found := strings.CutPrefix(key, k.prefix); found {
			names, _, ok = strings.Cut(rest, ")")
			return k.class, names, ok
		}
	}
	return 0, "", false
}

func notDestroyed(s allocator.ResourceStatus) bool { return s != allocator.ResourceDestroyed }

// CanAllocateResource is the coarse, unlocked check: under the limit
// (counting pending, active, broken and released resources, as WorkingCopy
// does) and, with bindings, some binding looks free.
func (h *Hoax) CanAllocateResource(v *allocator.View, bp allocator.Blueprint, _ allocator.Lease) bool {
	if h.cfg.Limit > 0 && v.CountResources(bp.ID, notDestroyed) >= h.cfg.Limit {
		return false
	}
	return len(h.cfg.Bindings) == 0 || len(h.freeBindings(v, bp)) > 0
}

// freeBindings is loadFreeBindings: bindings no live resource names and
// whose slot lock is free. Both reads are advisory.
func (h *Hoax) freeBindings(v *allocator.View, bp allocator.Blueprint) []string {
	used := map[string]bool{}
	for _, r := range v.Resources(bp.ID, notDestroyed) {
		used[r.Attributes.Value(AttrBinding)] = true
	}
	keys := make([]string, len(h.cfg.Bindings))
	for i, b := range h.cfg.Bindings {
		keys[i] = bindingKey(b)
	}
	var free []string
	for i, ok := range v.SlotLocksFree(keys) {
		if ok && !used[h.cfg.Bindings[i]] {
			free = append(free, h.cfg.Bindings[i])
		}
	}
	return free
}

// AllocateResource picks the new host's binding and limit slot, the way
// Drydock picks a limit slot: shuffle, take the first that looks free, and
// if none does, take the last anyway and expect to collide.
func (h *Hoax) AllocateResource(v *allocator.View, bp allocator.Blueprint, l allocator.Lease) (allocator.ResourceSpec, error) {
	h.sleep(h.cfg.AllocateLatency)
	if h.fault(FPAllocateResource, h.cfg.AllocateFailRate, 0) != "" {
		h.counts.AllocateFailures++
		return allocator.ResourceSpec{}, fmt.Errorf("lease %d: hoax said it could allocate, then failed: %w", l.ID, ErrFault)
	}
	spec := allocator.ResourceSpec{ActivateWhenAllocated: h.cfg.ActivateWhenAllocated}
	if f, ok := l.Wants.Get(AttrFlavour); ok {
		spec.Attributes = spec.Attributes.With(AttrFlavour, f)
	}
	if len(h.cfg.Bindings) > 0 {
		b := h.pickBinding(v, bp)
		spec.Attributes = spec.Attributes.With(AttrBinding, b)
		spec.SlotLocks = append(spec.SlotLocks, allocator.SlotLock{Key: bindingKey(b), Class: allocator.SlotBinding})
	}
	if h.cfg.Limit > 0 {
		keys := make([]string, h.cfg.Limit)
		for i := range keys {
			keys[i] = limitKey(bp.ID, i)
		}
		spec.SlotLocks = append(spec.SlotLocks, allocator.SlotLock{Key: h.pickSlot(v, keys), Class: allocator.SlotLimit})
	}
	return spec, nil
}

func (h *Hoax) pickBinding(v *allocator.View, bp allocator.Blueprint) string {
	free := h.freeBindings(v, bp)
	if len(free) == 0 {
		return h.cfg.Bindings[len(h.cfg.Bindings)-1]
	}
	return free[h.lat.IntN(len(free))]
}

// pickSlot shuffles keys, takes the first that looks free, else the last.
func (h *Hoax) pickSlot(v *allocator.View, keys []string) string {
	h.lat.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	for i, ok := range v.SlotLocksFree(keys) {
		if ok {
			return keys[i]
		}
	}
	return keys[len(keys)-1]
}

// CanAcquireLease is the coarse filter, as WorkingCopy's
// canAcquireLeaseOnResource is: the resource is active, has every
// attribute the lease wants with the wanted value (one not set yet is a
// refusal, as a missing repositories.map is), and has room for another
// lease.
func (h *Hoax) CanAcquireLease(v *allocator.View, r allocator.Resource, l allocator.Lease) bool {
	if r.Status != allocator.ResourceActive || !r.Attributes.Satisfies(l.Wants) {
		return false
	}
	return v.LinkedLeases(r.ID) < h.cfg.capacity()
}

// AcquireLease picks one of the resource's lease slots (WorkingCopy's
// workingcopy.lease(<resource>) kind). Hosts that need no setup are
// Almanac-like: their leases activate as they are acquired.
func (h *Hoax) AcquireLease(v *allocator.View, r allocator.Resource, _ allocator.Lease) (allocator.LeaseSpec, error) {
	h.sleep(h.cfg.AcquireLatency)
	keys := make([]string, h.cfg.capacity())
	for i := range keys {
		keys[i] = leaseSlotKey(r.ID, i)
	}
	return allocator.LeaseSpec{
		SlotLocks:            []allocator.SlotLock{{Key: h.pickSlot(v, keys), Class: allocator.SlotLease}},
		ActivateWhenAcquired: h.cfg.ActivateWhenAllocated,
	}, nil
}
