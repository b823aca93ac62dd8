package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
)

// Phase says when an invariant must hold.
type Phase uint8

const (
	// PhaseStep: after every committed store step.
	PhaseStep Phase = iota
	// PhaseQuiescent: once the queue has drained at the end of a run.
	// Drydock lets these lapse between two worker runs.
	PhaseQuiescent
	// PhaseStepAndQuiescent: a bound after every step (at most once) and
	// a completion at quiescence (exactly once).
	PhaseStepAndQuiescent
	// PhaseLiveness: within the liveness budget, with faults off.
	PhaseLiveness
)

var phaseNames = [...]string{"step", "quiescent", "step+quiescent", "liveness"}

func (p Phase) String() string {
	if int(p) < len(phaseNames) {
		return phaseNames[p]
	}
	return fmt.Sprintf("Phase(%d)", uint8(p))
}

// Invariant is one property the checker watches. Its checks are optional
// hooks, called in table order (Invariants) at the moments they name; each
// reads only the store, its audit log and the hoax's counts.
type Invariant struct {
	Name string
	Doc  string // one line
	// Phase says when it must hold.
	Phase Phase
	// Measured: a known hole of the modelled Drydock that drysim counts
	// instead of forbidding; a fixed strategy may break it.
	Measured bool
	// NotLive says why a live run (drysim load, LiveChecker) leaves the
	// invariant out; "" when it checks it, with these same hooks.
	NotLive string

	onAudit      func(c *checker, e allocator.AuditEntry)
	atCommit     func(c *checker, cm allocator.Commit)
	onResource   func(c *checker, r allocator.Resource)
	onLease      func(c *checker, l allocator.Lease)
	atQuiescence func(c *checker)
	atDeadline   func(c *checker, l liveness)
}

// liveness is the state of the run when the liveness budget ran out.
type liveness struct {
	budget      time.Duration
	clientsLeft int  // requesters still running
	clientsDone bool // every requester finished; the queue did not drain
	openTasks   int
}

// Invariant names.
const (
	InvNoOrphanSlotLocks      = "no-orphan-slot-locks"
	InvSlotLockOwners         = "slot-lock-owners"
	InvBindingUnique          = "binding-unique"
	InvBlueprintLimit         = "blueprint-limit"
	InvOnePendingAllocation   = "one-pending-allocation"
	InvStatusTransitions      = "status-transitions"
	InvNeedlessBuild          = "needless-build"
	InvAttributesMatch        = "attributes-match"
	InvLeaseCapacity          = "lease-capacity"
	InvNoLeaseOnDeadResource  = "no-lease-on-dead-resource"
	InvAcquireLiveResource    = "acquire-live-resource"
	InvReclaimIdleOnly        = "reclaim-idle-only"
	InvReclaimRules           = "reclaim-rules"
	InvReleaseOnce            = "release-hooks-once"
	InvSingleWriter           = "single-writer"
	InvBrokenOwnCause         = "broken-own-cause"
	InvCommandEffects         = "command-effects"
	InvHooksSerial            = "hooks-serial"
	InvFailedActivationBreaks = "failed-activation-breaks"
	InvLeaseExpiry            = "lease-expiry"
	InvAbandonedEnded         = "abandoned-ended"
	InvReclaimStall           = "reclaim-stall"
	InvLiveness               = "liveness"
)

// Invariants lists every invariant. The order is the order the checker
// calls the hooks in, so that violations found in one step are listed the
// same way on every run. Every check reads facts the audit log recorded
// once (statuses, links, builds, slot locks, commands, hooks), and rows
// only for what never changes once written.
func Invariants() []Invariant {
	return []Invariant{
		{Name: InvNoOrphanSlotLocks, Doc: "an object is saved destroyed only once it holds no slot lock",
			onAudit: checkOrphanLocks},
		{Name: InvSlotLockOwners, Doc: "every slot lock taken belongs to an owner of its kind: a binding lock to the resource on that binding, a limit lock to a resource of that blueprint, a lease slot to a lease linked to that resource",
			atCommit: checkSlotOwners},
		{Name: InvBindingUnique, Doc: "no host binding backs two live (pending or active) resources",
			onResource: checkBindingUnique},
		{Name: InvBlueprintLimit, Doc: "resources holding a place under the blueprint's limit (saved, slot locks not yet freed) never exceed it; a released resource frees its slot before it is saved destroyed, so resources not destroyed may exceed it for a moment (measured)",
			onAudit: checkBlueprintLimit},
		{Name: InvOnePendingAllocation, Doc: "a lease waits on at most one pending resource it built itself (D21807), from the audit log of builds",
			onAudit: checkOnePending},
		{Name: InvStatusTransitions, Doc: "every status change the audit log records is one the status tables allow",
			onAudit: checkStatusTransitions},
		{Name: InvNeedlessBuild, Doc: "a lease builds only when no active resource with room would have served it; one whose attributes came after its first save counts once they are set",
			onAudit: checkNeedlessBuild},
		{Name: InvAttributesMatch, Doc: "once a resource's attributes are set, every linked lease wants nothing they contradict",
			onAudit: checkAttributes},
		{Name: InvLeaseCapacity, Doc: "a link never takes a resource past its capacity of acquired and active leases",
			onAudit: checkCapacity},
		{Name: InvNoLeaseOnDeadResource, Doc: "at quiescence no acquired or active lease sits on a released, broken or destroyed resource (between worker runs one may, while its release command or throw-back is queued)",
			Phase: PhaseQuiescent, atQuiescence: checkNoLeaseOnDead},
		{Name: InvAcquireLiveResource, Doc: "a lease is linked only to a resource that is pending or active at the instant of the link",
			onAudit: checkAcquireLive},
		{Name: InvReclaimIdleOnly, Doc: "a reclaim releases a resource only if no lease is acquired or active on it at that instant",
			onAudit: checkReclaimIdle},
		{Name: InvReclaimRules, Doc: "a reclaim releases a resource only if it is idle by canReclaimResource's rules at that instant: unmodified for ReclaimIdle, no lease on it that is not destroyed, none destroyed within ReclaimIdle (T13676)",
			onAudit: checkReclaimRules},
		{Name: InvReleaseOnce, Doc: "each lease's release hook runs at most once, and exactly once for every lease linked and then released",
			Phase: PhaseStepAndQuiescent, onAudit: countReleaseHooks, atQuiescence: checkEveryReleaseHookRan},
		{Name: InvSingleWriter, Doc: "every lease and resource status change starts from the status the store held (no write based on a stale read)",
			onAudit: checkStatusChain},
		{Name: InvBrokenOwnCause, Doc: "a lease breaks only for its own reasons (its activation failed, no blueprint can serve it)",
			onAudit: checkBrokenCause},
		{Name: InvCommandEffects, Doc: "a command takes effect at most once, and a command that took effect is consumed",
			Phase: PhaseStepAndQuiescent, onAudit: checkCommandEffects, atQuiescence: checkCommandsConsumed},
		{Name: InvHooksSerial, Doc: "no blueprint hook starts on a resource while another one for it is still running (setup against teardown)",
			onAudit: checkHooksSerial},
		{Name: InvFailedActivationBreaks, Doc: "a lease whose activation the blueprint failed is broken for that reason within a minute",
			Phase: PhaseQuiescent, atQuiescence: checkFailedActivations, NotLive: notLiveFailedActivation},
		{Name: InvLeaseExpiry, Doc: "a lease with an expiry ends no later than its expiry plus one worker retry (RetryAfter and a minute)",
			Phase: PhaseQuiescent, atQuiescence: checkExpiry, NotLive: notLiveExpiry},
		{Name: InvAbandonedEnded, Doc: "at quiescence every lease its requester gave up on has ended",
			Phase: PhaseQuiescent, atQuiescence: checkAbandoned},
		{Name: InvReclaimStall, Doc: "a lease waits for ever on a reclaim the resource worker refused (a hole of the modelled Drydock; measured)",
			Phase: PhaseLiveness, Measured: true, atDeadline: reportStalls, NotLive: notLiveBudget},
		{Name: InvLiveness, Doc: "with faults off, every lease becomes active or ends within the liveness budget, and the queue drains",
			Phase: PhaseLiveness, atDeadline: reportStuck, NotLive: notLiveBudget},
	}
}

// Why a live run leaves an invariant out: each of these bounds model time,
// which a live run's scheduling, database waits and time scale stretch at
// random, so a live check of it would time the machine, not the allocator.
const (
	notLiveBudget           = "it is checked when the liveness budget runs out, and a wall-clock budget would make it a timing test"
	notLiveExpiry           = "its bound (RetryAfter and a minute of model time) is a timing test live, where a worker's retry waits for CPU, locks and the database"
	notLiveFailedActivation = "its bound (a minute of model time) is a timing test live, and a live stop releases every lease, so one whose activation failed may end released before its worker breaks it"
)

// LiveInvariants lists, in table order, the invariants a live run checks:
// every one whose NotLive is empty.
func LiveInvariants() []Invariant {
	var out []Invariant
	for _, inv := range Invariants() {
		if inv.NotLive == "" {
			out = append(out, inv)
		}
	}
	return out
}

// Info is the invariant's documentation, without its checks.
func (inv Invariant) Info() InvariantInfo {
	return InvariantInfo{Name: inv.Name, Doc: inv.Doc, Phase: inv.Phase, Measured: inv.Measured}
}

// InvariantByName finds an invariant of any system (Drydock's with its
// checks, another system's as its documentation) or lists the known ones.
func InvariantByName(name string) (Invariant, error) {
	for _, inv := range Invariants() {
		if inv.Name == name {
			return inv, nil
		}
	}
	for _, sys := range Systems()[1:] {
		if info, ok := sys.invariant(name); ok {
			return Invariant{Name: info.Name, Doc: info.Doc, Phase: info.Phase, Measured: info.Measured}, nil
		}
	}
	return Invariant{}, fmt.Errorf("unknown invariant %q; valid: %s", name, strings.Join(InvariantNames(), ", "))
}

// InvariantNames lists every system's invariants' names, without repeats.
func InvariantNames() []string {
	var names []string
	for _, sys := range Systems() {
		for _, inv := range sys.Invariants {
			if !slices.Contains(names, inv.Name) {
				names = append(names, inv.Name)
			}
		}
	}
	return names
}

// IsMeasured reports whether the named invariant is measured, not
// forbidden (false for unknown names).
func IsMeasured(name string) bool {
	inv, err := InvariantByName(name)
	return err == nil && inv.Measured
}

// Violation is one broken invariant: what, which objects, when.
type Violation struct {
	Invariant string
	Objects   []allocator.Ref // Drydock's objects
	// Names are another system's objects (a command, a lock, a layer).
	Names  []string
	Step   int64
	Time   time.Duration // virtual time since the world began
	Detail string
}

// ObjectNames are the violation's objects as text: Drydock's refs, then
// the names another system gives its objects.
func (v Violation) ObjectNames() []string {
	out := make([]string, 0, len(v.Objects)+len(v.Names))
	for _, o := range v.Objects {
		out = append(out, o.String())
	}
	return append(out, v.Names...)
}

func (v Violation) String() string {
	return fmt.Sprintf("%s [%s] at step %d (+%v): %s", v.Invariant, strings.Join(v.ObjectNames(), " "), v.Step, v.Time, v.Detail)
}
