// Package bugbench is a benchmark of classic concurrency bugs for drysim's
// schedulers: small programs, each a bug pattern (lock-order deadlock,
// missed signal, lost wake-up, goroutine leak, send on a closed channel,
// timeout race, double unlock, starvation, livelock, lost update,
// check-then-act, ...) with a correct twin that differs only by the fix.
//
// It answers two questions. Which scheduler finds which bug, and after how
// many seeds: Table runs every program under every scheduler and reports
// the first seed that detects the bug and how many seeds of a budget do
// (go test -bench . ./sim/bugbench prints it). And whether a scheduler
// reports what is not there: the twins must pass on every seed.
//
// A bug is detected when its run does not end Done (a deadlock, a panic, a
// budget) or its check fails. Every program runs with early timers on
// (sim.DefaultEarlyTimers), as exploration does.
//
//	for _, p := range bugbench.Programs() {
//		first, hits := bugbench.SeedsToDetection(p, sim.PCT{Depth: 2}, 500)
//		fmt.Println(p.Name, first, hits)
//	}
//
// The package imports no testing: a command can print the table too.
package bugbench
