// Package liveload runs the allocator live — real goroutines, the wall
// clock (allocator/livert) and a real store (allocator/stores) — under a
// scenario's workload, and checks the store afterwards: drysim load, the
// stress baseline against the simulator, and the fleet of processes on
// one MariaDB.
//
//	rep, err := liveload.Run(ctx, liveload.Config{
//		Strategy: "slot", Workers: 256, Duration: 30 * time.Second, Rate: 200,
//		Store: spec, TimeScale: 0.001, Scenario: "double-allocation", Check: liveload.CheckAll, Fresh: true,
//	})
//	rep.Print(os.Stdout)
//
// Leases arrive at Rate per wall second, each held by a requester task
// for the scenario's hold time (scaled) and then released. At the end, or
// on Ctrl-C, every requester releases what it holds, the queue drains and
// the store is dumped: Checker replays its audit log (binding-unique,
// blueprint-limit, lease-capacity, release-hooks-once, acquire-live-resource,
// reclaim-idle-only, one-pending-allocation, needless-build,
// status-transitions, single-writer, broken-own-cause, as scenarios
// defines them) and then its end state (no orphan slot locks, no live
// lease on a dead resource, every release hook ran, nothing left behind:
// no lease not ended, no resource half-way, no object lock held). The
// liveness invariant is left out: a live run's budget would be a timing
// test, not a property.
package liveload
