// Package allocator is drysim's reference allocator: Phabricator Drydock's
// design, small enough to read in an afternoon and faithful enough that
// Drydock's documented races can be reproduced and closed one fix at a time.
//
// # The model
//
// Requesters create leases; a lease wants a place on a resource of some
// type; blueprints build resources. Everything lives in a Store: tables of
// blueprints, resources, leases, commands and slot locks. Every Store call
// is one atomic step (one scheduling point in the simulator), a transaction
// is all-or-nothing, and a read returns a copy: what you read is advisory
// and may be stale by your next step, as with any database.
//
// Work runs on a task Queue with N workers (DefaultWorkers = 64). A task
// finishes, yields (runs again after at least Timings.MinYield), fails
// (retries after Timings.RetryAfter and can no longer be woken early) or
// fails permanently. Each lease and each resource has a single writer: its
// update worker, which holds drydock.lease:<id> or drydock.resource:<id>
// for its whole run. Anyone else asks by queueing a command (release,
// reclaim), consumed in ID order by that writer.
//
// A pending lease is allocated by executeAllocator's order (docs/drydock.md §3):
// acquire on a free active resource -> yield if a resource this lease built
// is still pending -> build a new resource (its limit and binding slot locks
// in its first-save transaction) -> acquire on a used resource -> yield for a
// reclaim this lease asked for -> queue a reclaim of an idle resource -> yield.
//
// # Strategies and fixes
//
// ParseStrategy reads naive, global, slot or slot-without=<fix>. slot is
// Drydock as it is; naive has none of the fixes; global replaces slot locks
// and the resource lock with one global lock around every allocation,
// release and reclaim decision. Each Fix closes one race:
//
//	binding-slot-locks          double-allocation (two resources on a host)
//	limit-slot-locks            double-allocation (past the blueprint limit)
//	yield-for-pending           pending-overallocation (D21807)
//	attributes-before-save      pending-attributes
//	resource-lock-on-acquire    reclaim-race (D19080)
//	reclaim-recheck-under-lock  reclaim-race (D19080)
//	release-via-command-queue   release-race (D14143)
//	allocate-failure-yields     activation-failure (D19070)
//
// # Failpoints
//
// Each race window calls Runtime.Failpoint (see Failpoints for the list):
// allocator/afterLoadCandidates, allocator/beforeAllocateResource,
// allocator/beforeSaveAttributes, allocator/beforeLinkLease,
// allocator/beforeReclaimRelease, allocator/beforeReleaseLease,
// allocator/beforeActivateResource and allocator/beforeActivateLease. An
// enabled failpoint's value widens its window: return(500) waits 500 ms of
// virtual time there, return("30s") thirty seconds. Evaluating a
// failpoint is not a scheduling point: it touches nothing shared, and the
// store steps on either side of it already are.
//
// # The Runtime seam
//
// The allocator takes time, concurrency and randomness only from a Runtime;
// it never imports the simulator (a test checks the dependency graph).
// Every store and queue call is one step, bracketed by Runtime.StepBegin
// and StepEnd: one scheduling point in the simulator, a critical section in
// a live runtime.
// allocator/simrt runs it inside a sim.World. The Store's observer and its
// audit log are how invariants watch a run without the allocator's help.
package allocator
