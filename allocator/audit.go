package allocator

import (
	"fmt"
	"time"
)

// AuditKind is what an audit entry records.
type AuditKind uint8

const (
	// AuditLink: Lease was linked to Resource; ResourceStatus is the
	// resource's stored status at that instant.
	AuditLink AuditKind = iota + 1
	// AuditLeaseStatus: Lease moved From -> To (LeaseStatus values).
	AuditLeaseStatus
	// AuditResourceStatus: Resource moved From -> To.
	AuditResourceStatus
	// AuditResourceRelease: Resource was released for Cause; Live lists the
	// leases linked to it (acquired or active) at that instant.
	AuditResourceRelease
	// AuditHook: the blueprint hook Hook ran for Lease (and Resource).
	AuditHook
	// AuditAllocate: Lease built Resource (first save).
	AuditAllocate
	// AuditSlotAcquire and AuditSlotRelease: Owner took or freed Keys (a
	// release is recorded even when it frees nothing: it marks the moment
	// the owner stops counting against its slots).
	AuditSlotAcquire
	AuditSlotRelease
	// AuditAttributes: Resource's attributes were set (a save after the
	// first one, without attributes-before-save).
	AuditAttributes
	// AuditCommand: Command was queued for Owner by Actor; Cause is its
	// kind. AuditConsume: Command was marked consumed.
	AuditCommand
	AuditConsume
	// AuditHookStart: the blueprint hook Hook began for Resource (and
	// Lease); AuditHook records that it ended (Cause holds its error).
	AuditHookStart
)

// Release causes recorded on AuditResourceRelease and lease releases.
const (
	CauseReleaseCommand = "release-command"
	CauseReclaim        = "reclaim"
	CauseDirect         = "direct"
	CauseCascade        = "resource-released"
)

// Hook names recorded on AuditHookStart and AuditHook.
const (
	HookActivateResource = "activateResource"
	HookActivateLease    = "activateLease"
	HookDidReleaseLease  = "didReleaseLease"
	HookDestroyLease     = "destroyLease"
	HookDestroyResource  = "destroyResource"
)

// AuditEntry is one fact the invariants check. The log is written by the
// allocator as it acts and read only by observers.
type AuditEntry struct {
	Time           time.Time
	Kind           AuditKind
	Lease          ID
	Resource       ID
	Other          ID
	From, To       uint8
	ResourceStatus ResourceStatus
	Cause          string
	Hook           string
	Live           []ID
	Actor          Ref
	Owner          Ref
	Keys           []string
	// Command is the command whose effect this entry records (a release
	// or a reclaim), or the command queued or consumed.
	Command ID
	// EndsCommit marks the last entry of a commit (a transaction's or a
	// note's), set by the Store as it commits: a reader that has only the
	// log, such as a live run's checker replaying a database's audit
	// table, splits it into commits with it.
	EndsCommit bool
}

func (e AuditEntry) String() string {
	switch e.Kind {
	case AuditLink:
		return fmt.Sprintf("link lease %d -> resource %d (resource %s)", e.Lease, e.Resource, e.ResourceStatus)
	case AuditLeaseStatus:
		return fmt.Sprintf("lease %d %s -> %s (%s)", e.Lease, LeaseStatus(e.From), LeaseStatus(e.To), e.Cause)
	case AuditResourceStatus:
		return fmt.Sprintf("resource %d %s -> %s (%s)", e.Resource, ResourceStatus(e.From), ResourceStatus(e.To), e.Cause)
	case AuditResourceRelease:
		return fmt.Sprintf("resource %d released by %s with live leases %v", e.Resource, e.Cause, e.Live)
	case AuditHook:
		return fmt.Sprintf("hook %s lease %d resource %d", e.Hook, e.Lease, e.Resource)
	case AuditAllocate:
		return fmt.Sprintf("lease %d built resource %d", e.Lease, e.Resource)
	case AuditSlotAcquire:
		return fmt.Sprintf("%s took slot locks %v", e.Owner, e.Keys)
	case AuditSlotRelease:
		return fmt.Sprintf("%s freed slot locks %v", e.Owner, e.Keys)
	case AuditAttributes:
		return fmt.Sprintf("resource %d attributes set", e.Resource)
	case AuditCommand:
		return fmt.Sprintf("command %d: %s %s by %s", e.Command, e.Cause, e.Owner, e.Actor)
	case AuditConsume:
		return fmt.Sprintf("command %d consumed", e.Command)
	case AuditHookStart:
		return fmt.Sprintf("hook %s started lease %d resource %d", e.Hook, e.Lease, e.Resource)
	}
	return fmt.Sprintf("audit(%d)", e.Kind)
}
