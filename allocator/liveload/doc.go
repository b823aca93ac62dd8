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
// the store is checked.
//
// # One checker
//
// The invariants are checked by the simulator's own checker
// (scenarios.LiveChecker: the same facts, the same hooks, the same code),
// fed commits in commit order. On the in-memory store it observes each
// commit as it happens (the store's observer runs inside the commit,
// under the step lock); on SQLite or MySQL it replays the audit table
// once the run is over, commit by commit (a database store calls its
// observer only after the commit, when two tasks' observers may run in
// the other order, and never for a fleet's other processes; the table is
// in commit order for all of them). Live it checks every invariant but
// four (scenarios.LiveInvariants): liveness and reclaim-stall, checked
// when the liveness budget runs out, and lease-expiry and
// failed-activation-breaks, whose bounds are model time; live, each would
// be a timing test. A violation names the commit that showed it and its
// model time.
//
// Then Leftovers checks what the simulator has no word for, because its
// requesters keep what they hold when a run ends: that a clean stop left
// nothing behind (no lease not ended, no resource half-way, no slot lock
// held by an owner destroyed or gone, no object lock held in the process
// or on the server).
package liveload
