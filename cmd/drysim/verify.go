package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// exitIncomplete: the search ran into a cap before it covered the bound:
// no violation found, and no proof either.
const exitIncomplete = 3

// maxPreemptions bounds -preemptions: the schedules grow with the steps to
// the power of the bound, and beyond 4 no world worth verifying finishes.
const maxPreemptions = 8

// verifyFlags are verify's own flags, beside the run identity's.
type verifyFlags struct {
	preemptions, maxSchedules int
	bound, out, invariant     string
	reduction, timers, asJSON bool
	maxTime                   time.Duration
}

func (v *verifyFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&v.preemptions, "preemptions", 2, fmt.Sprintf("explore every schedule with at most this many preemptions, or delays with -bound delays (0 to %d; -1: no bound)", maxPreemptions))
	fs.StringVar(&v.bound, "bound", "preemptions", "what -preemptions counts: preemptions (a switch away from a task that could still run; after a block any choice is free) or delays (any choice but keep-running-else-lowest-ID, free ones included: fewer schedules)")
	fs.BoolVar(&v.reduction, "reduction", true, "skip schedules equivalent to explored ones (sleep sets over what each step touches); -reduction=false explores every one")
	fs.BoolVar(&v.timers, "timers", true, "also fire a timer early wherever one is due within 30s, as a preemption (a timeout landing mid-work); -timers=false fires timers only when no task can run")
	fs.IntVar(&v.maxSchedules, "max-schedules", 0, "stop after this many runs, incomplete (0: no cap)")
	fs.DurationVar(&v.maxTime, "max-time", 0, "stop after this much real time, incomplete (0: no cap)")
	fs.StringVar(&v.out, "out", "", "write the first violating schedule as a replay file here (default: verify-<scenario>-<strategy>-<seed>.replay)")
	fs.StringVar(&v.invariant, "invariant", "", "what a schedule must break: an invariant's name, or race (one of the scenario's race invariants; runs go to their end); default: any forbidden invariant, or a run that does not finish")
	fs.BoolVar(&v.asJSON, "json", false, "print the result as one JSON object instead of text")
}

func (v *verifyFlags) validate() error {
	switch {
	case v.preemptions < -1 || v.preemptions > maxPreemptions:
		return usageErr("-preemptions %d: want -1 (no bound) or 0 to %d", v.preemptions, maxPreemptions)
	case v.bound != "preemptions" && v.bound != "delays":
		return usageErr("-bound %q: want preemptions or delays", v.bound)
	case v.maxSchedules < 0:
		return usageErr("-max-schedules %d: want 0 (no cap) or more", v.maxSchedules)
	case v.maxTime < 0:
		return usageErr("-max-time %v: want 0 (no cap) or more", v.maxTime)
	}
	return nil
}

func cmdVerify(args []string, stdout io.Writer) error {
	fs := newFlags("verify")
	var rf runFlags
	rf.register(fs, true)
	var vf verifyFlags
	vf.register(fs)
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	id, opts, err := rf.config()
	if err != nil {
		return err
	}
	if rf.stopOn != "" {
		return usageErr("-stop-on: verify stops every run at its first violation of any invariant; leave -stop-on out")
	}
	if err := vf.validate(); err != nil {
		return err
	}
	id = id.Normalized()
	path := vf.out
	if path == "" {
		path = fmt.Sprintf("verify-%s-%s-%d.replay", id.Scenario, strings.ReplaceAll(id.Strategy, "=", "-"), id.Seed)
	}
	var outs []*output // an -out given is opened before the search: a bad path costs nothing
	if vf.out != "" {
		if outs, err = openOutputs("out", vf.out); err != nil {
			return err
		}
	}
	var interrupted atomic.Bool
	_, stop := watchInterrupts(context.Background(), func() {
		interrupted.Store(true)
		fmt.Fprintln(os.Stderr, "\ndrysim verify: stopping after this run; Ctrl-C again to stop now")
	}, func() { os.Exit(exitInterrupted) })
	defer stop()
	res, err := harness.Verify(harness.VerifyConfig{
		Run: id, Preemptions: vf.preemptions, Delays: vf.bound == "delays", Reduction: vf.reduction, Timers: vf.timers,
		MaxSchedules: vf.maxSchedules, MaxTime: vf.maxTime, Budget: opts.Budget, Stop: interrupted.Load, Invariant: vf.invariant,
	})
	if err != nil {
		abortOutputs(outs)
		if errors.Is(err, scenarios.ErrConfig) {
			return usageErr("%s", flagMessage(err))
		}
		return err
	}
	return reportVerify(stdout, res, vf, path, outs)
}

// reportVerify saves the first violation (if any), prints the result and
// returns the exit status it calls for.
func reportVerify(stdout io.Writer, res *harness.VerifyResult, vf verifyFlags, path string, outs []*output) error {
	saved, werr := "", error(nil)
	if res.File == nil {
		abortOutputs(outs)
	} else {
		if outs == nil {
			outs, werr = openOutputs("out", path)
		}
		if werr == nil {
			werr = outs[0].write(res.File.Write)
		}
		if werr == nil {
			saved = path
		}
	}
	if vf.asJSON {
		if err := writeVerifyJSON(stdout, res, vf.preemptions, vf.bound, vf.reduction, vf.timers, saved); err != nil {
			return err
		}
	} else {
		writeVerify(stdout, res, vf.preemptions, strings.TrimSuffix(vf.bound, "s"), vf.reduction, vf.timers, saved)
	}
	switch {
	case werr != nil:
		return writeFailed(werr, res.Failed)
	case res.Failed:
		return errFindings
	case res.Capped == "stopped":
		return errInterrupted
	case !res.Complete:
		return &exitError{code: exitIncomplete, err: errors.New("incomplete"), silent: true}
	}
	return nil
}

func boundText(k int, unit string) string {
	if k < 0 {
		return "no bound"
	}
	return fmt.Sprintf("at most %d %s", k, plural(int64(k), unit))
}

func verdict(res *harness.VerifyResult) string {
	switch {
	case res.Failed:
		return "VIOLATION"
	case res.Complete:
		return "complete"
	default:
		return "incomplete (hit " + res.Capped + ")"
	}
}

func writeVerify(w io.Writer, res *harness.VerifyResult, k int, unit string, reduction, timers bool, saved string) {
	red := "sleep sets"
	if !reduction {
		red = "none"
	}
	tm := fmt.Sprintf("a timer also fires early (due within 30s), as a %s", unit)
	if !timers {
		tm = "timers fire only when no task can run"
	}
	fmt.Fprintf(w, "verify     %s\n", res.Identity)
	fmt.Fprintf(w, "bound      %s; %s; reduction: %s\n", boundText(k, unit), tm, red)
	fmt.Fprintf(w, "explored   %d %s to the end with at most %d %s, %d pruned as equivalent; %d runs in all (bounds 0 to %d), up to %d decisions each, in %v\n",
		res.Schedules, plural(int64(res.Schedules), "schedule"), res.Bound, plural(int64(res.Bound), unit), res.Pruned, res.Runs, res.Bound, res.Decisions, res.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "result     %s\n", verdict(res))
	switch {
	case res.Failed:
		fmt.Fprintf(w, "violation  %s (run %d of the search, %d %s)\n", res.Violation, res.FailedAt, res.FailPreemptions, plural(int64(res.FailPreemptions), unit))
		if saved != "" {
			fmt.Fprintf(w, "saved      %s\nrepro      %s\n", saved, res.File.Command(saved))
		}
	case res.Complete:
		fmt.Fprintf(w, "holds      for every schedule of seed %d with %s\n", res.Identity.Seed, boundText(k, unit))
	default:
		fmt.Fprintf(w, "not shown  no violation in the schedules explored, but not all were: raise -max-schedules or -max-time, or lower -preemptions\n")
	}
}

type verifyJSON struct {
	Run            string  `json:"run"`
	Preemptions    int     `json:"preemptions"`
	Counts         string  `json:"counts"`
	Bound          int     `json:"bound_reached"`
	Reduction      bool    `json:"reduction"`
	Timers         bool    `json:"timers"`
	Runs           int     `json:"runs"`
	Schedules      int     `json:"schedules"`
	Pruned         int     `json:"pruned"`
	Decisions      int     `json:"max_decisions"`
	Complete       bool    `json:"complete"`
	Capped         string  `json:"capped,omitempty"`
	Violation      string  `json:"violation,omitempty"`
	FailedAt       int     `json:"failed_at,omitempty"`
	ReplayFile     string  `json:"replay_file,omitempty"`
	ElapsedSeconds float64 `json:"elapsed_seconds"`
}

func writeVerifyJSON(w io.Writer, res *harness.VerifyResult, k int, bound string, reduction, timers bool, saved string) error {
	enc := json.NewEncoder(w)
	return enc.Encode(verifyJSON{
		Run: res.Identity.String(), Preemptions: k, Counts: bound, Bound: res.Bound, Reduction: reduction, Timers: timers, Runs: res.Runs, Schedules: res.Schedules, Pruned: res.Pruned,
		Decisions: res.Decisions, Complete: res.Complete, Capped: res.Capped, Violation: res.Violation, FailedAt: res.FailedAt,
		ReplayFile: saved, ElapsedSeconds: res.Elapsed.Seconds(),
	})
}

func verifyCommand() command {
	const size = "-workers 2 -leases 2 -clients 2 -limit 1 -poll 10m -no-scenario-failpoints"
	return command{name: "verify", summary: "explore every schedule of a small run up to a preemption or delay bound; a violation as a replay file",
		usage: "drysim verify -scenario <name> [run flags] [-preemptions k] [-bound preemptions|delays] [-timers=false] [-reduction=false] [-invariant NAME|race] [-max-schedules n] [-max-time d] [-out FILE] [-json]",
		examples: []example{
			{"drysim verify -scenario reclaim-race -strategy naive -invariant race " + size, "find the headline race in the schedules with at most 2 preemptions, save it, print the repro line"},
			{"drysim verify -scenario reclaim-race -strategy slot -bound delays -preemptions 2 " + size, "prove the fixed strategy holds for every schedule of seed 1 within 2 delays, early timers included"},
			{"drysim verify -scenario reclaim-race -strategy slot -preemptions 1 -timers=false -reduction=false " + size, "every schedule with at most 1 preemption, without the partial-order reduction, to measure what it saves"},
		},
		exits: fmt.Sprintf("0 complete, every schedule within the bound holds; 1 a violation (saved as a replay file); 2 bad input; %d incomplete: a cap ended the search first; %d stopped by Ctrl-C (the partial result printed)", exitIncomplete, exitInterrupted),
		run:   cmdVerify}
}
