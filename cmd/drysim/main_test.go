package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func drysim(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = mainCode(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// badInput is a command line that must be refused with one line.
type badInput struct {
	args []string
	want string
}

func TestBadInputIsOneLineAndExit2(t *testing.T) {
	requireBadInputs(t, append(append(badNames(), badFailpointValues()...), badFlagValues()...))
}

// requireBadInputs runs each bad input: exit 2, nothing on stdout, and one
// line on stderr that says what was wrong.
func requireBadInputs(t *testing.T, tests []badInput) {
	t.Helper()
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, stdout, stderr := drysim(tc.args...)
			require.Equal(t, 2, code, stderr)
			require.Empty(t, stdout)
			require.Contains(t, stderr, tc.want)
			require.Equal(t, 1, strings.Count(stderr, "\n"), "exactly one line: %q", stderr)
		})
	}
}

// badNames: unknown commands, scenarios, strategies, fixes, schedulers,
// failpoints, and malformed values.
func badNames() []badInput {
	return []badInput{
		{[]string{"frobnicate"}, `unknown command "frobnicate"; valid: list, run, check, replay`},
		{[]string{"run"}, "-scenario is required; valid: double-allocation"},
		{[]string{"run", "-scenario", "nope"}, `unknown scenario "nope"; valid: double-allocation`},
		{[]string{"run", "-scenario", "reclaim-race", "-strategy", "optimistic"}, `unknown strategy "optimistic"; valid: naive, global, slot`},
		{[]string{"run", "-scenario", "reclaim-race", "-strategy", "slot-without=magic"}, `unknown fix "magic"; valid: binding-slot-locks`},
		{[]string{"run", "-scenario", "reclaim-race", "-seed", "abc"}, `invalid value "abc" for flag -seed`},
		{[]string{"run", "-scenario", "reclaim-race", "-seed", "-1"}, `invalid value "-1" for flag -seed`},
		{[]string{"run", "-scenario", "reclaim-race", "-workers", "0"}, "-workers 0: want 1 to 65536"},
		{[]string{"run", "-scenario", "reclaim-race", "-sched", "dfs"}, `unknown scheduler "dfs"; valid: random, pct`},
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", "allocator/nowhere=return(1)"}, `unknown failpoint "allocator/nowhere"; valid: allocator/afterLoadCandidates`},
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", "allocator/beforeLinkLease=sleep(5)"}, `action "sleep" acts on the real process`},
		{[]string{"run", "-scenario", "reclaim-race", "stray"}, `unexpected argument "stray"`},
		{[]string{"check"}, "-scenario is required; valid: all, double-allocation"},
		{[]string{"check", "-scenario", "reclaim-race", "-seeds", "-3"}, "-seeds -3: want 0 (the scenario's) to 1000000"},
		{[]string{"check", "-scenario", "reclaim-race", "-strategies", "slot-without=magic"}, `-strategies: strategy "slot-without=magic": unknown fix "magic"; valid: binding-slot-locks`},
		{[]string{"replay", "-scenario", "reclaim-race", "-hash", "xyz"}, "-hash \"xyz\": want the 16 hex digits"},
		{[]string{"replay", "-scenario", "reclaim-race", "-runs", "0"}, "-runs 0: want 1 to 1000"},
		{[]string{"verify"}, "-scenario is required; valid: double-allocation"},
		{[]string{"verify", "-scenario", "reclaim-race", "-preemptions", "9"}, "-preemptions 9: want -1 (no bound) or 0 to 8"},
		{[]string{"verify", "-scenario", "reclaim-race", "-max-schedules", "-1"}, "-max-schedules -1: want 0 (no cap) or more"},
		{[]string{"verify", "-scenario", "reclaim-race", "-max-time", "-1s"}, "-max-time -1s: want 0 (no cap) or more"},
		{[]string{"verify", "-scenario", "reclaim-race", "-stop-on", "any"}, "-stop-on: verify stops every run at its first violation"},
		{[]string{"verify", "-scenario", "reclaim-race", "-strategy", "pct"}, `unknown strategy "pct"`},
		{[]string{"verify", "-scenario", "reclaim-race", "-bound", "steps"}, `-bound "steps": want preemptions or delays`},
		{[]string{"verify", "-scenario", "reclaim-race", "-invariant", "nope"}, `unknown invariant "nope"; valid: no-orphan-slot-locks`},
	}
}

// badFailpointValues: values checked against what their failpoint does.
func badFailpointValues() []badInput {
	return []badInput{
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", "allocator/beforeLinkLease=return(abc)"}, `value abc is not a number, a "quoted string", true or false; want milliseconds from 0 to 86400000`},
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", "allocator/beforeLinkLease=return(-5)"}, "allocator/beforeLinkLease=return(-5): value -5: want milliseconds from 0"},
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", "allocator/beforeLinkLease=return(99999999999999999999)"}, "value 99999999999999999999 does not fit in a whole number"},
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", `allocator/beforeLinkLease=return("abc")`}, `value "abc": want milliseconds`},
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", `allocator/beforeLinkLease=1*return("2s")->return("-1s")`}, `value "-1s"`},
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", "hoax/activateLease=return(1)"}, `hoax/activateLease=return(1): value 1: a hoax failpoint takes return("fail") or return("hang")`},
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", `hoax/activateLease=return("crash")`}, `value "crash": a hoax failpoint takes`},
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", "allocator/beforeLinkLease=0*return(1)"}, `count "0"`},
	}
}

// badFlagValues: flags named, bounds, schedulers and strategies told
// apart, special files, and what each command refuses.
func badFlagValues() []badInput {
	return []badInput{
		{[]string{"run", "-scenario", "reclaim-race", "-poll", "-1s"}, "-poll -1s: want 0 (the scenario's) or more"},
		{[]string{"run", "-scenario", "reclaim-race", "-budget", "1s"}, "-budget 1s: want 0 (the scenario's, scaled with the workload) or 1m0s to"},
		{[]string{"run", "-scenario", "reclaim-race", "-workers", "100000"}, "-workers 100000: want 1 to 65536"},
		{[]string{"run", "-scenario", "reclaim-race", "-leases", "2000000"}, "-leases 2000000: want 0 (the scenario's) to 1048576"},
		{[]string{"run", "-scenario", "reclaim-race", "-strategy", "pct"}, `("pct" is a scheduler: give it as -sched pct)`},
		{[]string{"run", "-scenario", "reclaim-race", "-sched", "slot"}, `("slot" is a locking strategy: give it as -strategy slot)`},
		{[]string{"check", "-scenario", "reclaim-race", "-sched", "bogus"}, `unknown scheduler "bogus"`},
		{[]string{"check", "-scenario", "reclaim-race", "-parallel", "-1"}, "-parallel -1: want 0 (GOMAXPROCS) to 1024"},
		{[]string{"check", "-scenario", "reclaim-race", "-parallel", "5000"}, "-parallel 5000: want 0 (GOMAXPROCS) to 1024"},
		{[]string{"check", "-scenario", "reclaim-race", "-seeds", "2000000"}, "-seeds 2000000: want 0 (the scenario's) to 1000000"},
		{[]string{"check", "-scenario", "reclaim-race", "-workers", "0"}, "-workers 0: want 1 to 65536"},
		{[]string{"check", "-scenario", "reclaim-race", "-leases", "-1"}, "-leases -1: want 0 (the scenario's) to"},
		{[]string{"check", "-scenario", "reclaim-race", "-poll", "-1s"}, "-poll -1s: want 0 (the scenario's) or more"},
		{[]string{"check", "-scenario", "reclaim-race", "-strategies", "random"}, `("random" is a scheduler: give it as -sched random)`},
		{[]string{"check", "-scenario", "reclaim-race", "-junit", "/dev/full"}, "-junit: /dev/full is a character device, not a regular file"},
		{[]string{"sweep", "-parallel", "-1"}, "-parallel -1: want 0 (GOMAXPROCS) to 1024"},
		{[]string{"sweep", "-out", "/dev/full"}, "-out: /dev/full is a character device, not a regular file"},
		{[]string{"sweep", "-out", "/dev/zero"}, "-out: /dev/zero is a character device, not a regular file"},
		{[]string{"sweep", "-seeds", "0"}, "seeds 0: want 1 or more"},
		{[]string{"sweep", "-seeds", "99999999999"}, "runs planned; the limit is"},
		{[]string{"sweep", "-workers", "8,8"}, "a worker count is listed twice"},
		{[]string{"sweep", "-first-seed", "18446744073709551615", "-seeds", "2"}, "would pass the largest seed"},
		{[]string{"sweep", "-strategies", "pct"}, `("pct" is a scheduler: give it as -sched pct)`},
		{[]string{"replay", "-scenario", "reclaim-race", "-runs", "5000"}, "-runs 5000: want 1 to 1000"},
		{[]string{"replay", "a.replay", "b.replay"}, `unexpected argument "b.replay": replay takes one file`},
		{[]string{"replay", "/dev/zero"}, "/dev/zero is a character device, not a regular file"},
		{[]string{"replay", "x.replay", "-scenario", "reclaim-race"}, "-scenario: a replay file says what ran; give FILE or the run's flags, not both"},
		{[]string{"shrink", "-scenario", "reclaim-race", "-seeds", "0"}, "-seeds 0: want 1 to 100000"},
		{[]string{"report"}, "-in is required"},
		{[]string{"report", "-in", "/dev/zero"}, "-in: /dev/zero is a character device, not a regular file"},
		{[]string{"report", "-in", "/nonexistent/r.jsonl"}, "no such file or directory"},
		{[]string{"report", "-in", "x.jsonl", "-seeds", "-1"}, "-seeds -1: want 0 (every seed) or more"},
		{[]string{"report", "-in", "x.jsonl", "-out", "/dev/null"}, "-out /dev/null: not a directory"},
		{[]string{"help", "frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"version", "extra"}, `unexpected argument "extra"`},
	}
}

func TestHelpExitsZero(t *testing.T) {
	code, out, _ := drysim()
	require.Equal(t, 0, code)
	require.Contains(t, out, "usage: drysim <command>")
	code, out, _ = drysim("run", "-h")
	require.Equal(t, 0, code)
	require.Contains(t, out, "-failpoint")
}

// Every command's help has its summary, a usage line, examples, its flags
// and what each exit status means; drysim help X is drysim X -h.
func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := drysim("help", c.name)
			require.Equal(t, 0, code, stderr)
			require.True(t, strings.HasPrefix(out, "drysim "+c.name+": "+c.summary+"\n\nusage: drysim "+c.name), out)
			require.Contains(t, out, "\nexamples:\n  drysim "+c.name)
			require.Contains(t, out, "\nexit status: 0 ")
			require.GreaterOrEqual(t, len(c.examples), 1)
			require.NotContains(t, out, "panic calling", "a flag's String must work on its zero value")
			_, same, _ := drysim(c.name, "-h")
			require.Equal(t, out, same)
		})
	}
	_, out, _ := drysim("help", "sweep")
	require.Contains(t, out, "130 stopped by Ctrl-C")
	require.Contains(t, out, "-salvage")
}

func TestVersionNamesTheBuild(t *testing.T) {
	code, out, _ := drysim("version")
	require.Equal(t, 0, code)
	require.Regexp(t, `^drysim \S+ \(go1\.\d+.* \w+/\w+\)\n$`, out)
}

// A workload bigger than the scenario's gets a budget to match; given too
// short a budget, the run says the budget ran out, not that liveness broke.
func TestBudgetScalesAndSaysWhenItRanOut(t *testing.T) {
	code, out, _ := drysim("run", "-scenario", "double-allocation", "-strategy", "slot", "-leases", "4000")
	require.Equal(t, 0, code, out)
	require.Contains(t, out, "(liveness budget 20h0m0s)", "4000 leases, 20 times the scenario's 200")
	require.Contains(t, out, "4000 requested, 4000 became active")

	code, out, _ = drysim("run", "-scenario", "double-allocation", "-strategy", "slot", "-leases", "4000", "-budget", "30m")
	require.Equal(t, 1, code, out)
	require.Contains(t, out, "finding    time budget exhausted: leases were still becoming active when the 30m0s liveness budget ran out")
	require.Contains(t, out, "rerun with -budget 1h0m0s")
	require.NotContains(t, out, "  liveness [", "not reported as a liveness violation")
	require.Contains(t, out, "repro: drysim run -scenario double-allocation -strategy slot -seed 1 -workers 64 -leases 4000 -budget 30m0s")
}

// A failpoint that cannot fire is said, not silently ignored.
func TestAFailpointThatCannotFireIsWarned(t *testing.T) {
	code, out, _ := drysim("run", "-scenario", "reclaim-race", "-failpoint", `hoax/activateLease=1*return("fail")`)
	require.Equal(t, 0, code, out)
	require.Contains(t, out, "warning    failpoint hoax/activateLease will never fire: hoax failpoints act only while faults are on, and reclaim-race turns them off at the start")
	_, out, _ = drysim("run", "-scenario", "activation-failure", "-failpoint", `hoax/activateLease=1*return("fail")`)
	require.NotContains(t, out, "warning", "activation-failure has a safety phase with faults on")
}

var (
	reproLine = regexp.MustCompile(`(?m)^repro: drysim (.*)$`)
	hashLine  = regexp.MustCompile(`(?m)^hash\s+([0-9a-f]{16})$`)
)

// check prints the repro line of the first violation; pasting it gives the
// same violation with the same trace hash every time, and replay confirms
// the hash.
func TestPastedReproLineReproducesTheSameViolation(t *testing.T) {
	code, checkOut, _ := drysim("check", "-scenario", "reclaim-race", "-strategies", "naive")
	require.Equal(t, 0, code, checkOut)
	m := regexp.MustCompile(`(?m)^  repro: drysim (.*)\n  hash:  ([0-9a-f]{16})$`).FindStringSubmatch(checkOut)
	require.NotNil(t, m, checkOut)
	repro, hash := []string{"", m[1]}, m[2]

	code, out, _ := drysim(strings.Fields(repro[1])...)
	require.Equal(t, 1, code, out)
	require.Contains(t, out, "race reproduced: ")
	require.Equal(t, hash, hashLine.FindStringSubmatch(out)[1])
	require.Equal(t, "repro: drysim "+repro[1], reproLine.FindString(out))
	firstViolation := violationLines(out)[0]

	for range 3 {
		code2, out2, _ := drysim(strings.Fields(repro[1])...)
		require.Equal(t, 1, code2)
		require.Equal(t, hash, hashLine.FindStringSubmatch(out2)[1])
		require.Equal(t, firstViolation, violationLines(out2)[0])
	}
	replayArgs := append([]string{"replay"}, strings.Fields(repro[1])[1:]...)
	code3, out3, _ := drysim(append(replayArgs, "-hash", hash)...)
	require.Equal(t, 0, code3, out3)
	require.Contains(t, out3, "confirmed  same trace hash "+hash)

	code4, out4, _ := drysim(append(replayArgs, "-hash", "0000000000000000")...)
	require.Equal(t, 1, code4)
	require.Contains(t, out4, "MISMATCH")
}

func violationLines(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "  ") && strings.Contains(l, " at step ") {
			lines = append(lines, l)
		}
	}
	return lines
}

func TestPanicInATaskIsAFindingWithItsRepro(t *testing.T) {
	code, out, _ := drysim("run", "-scenario", "reclaim-race", "-seed", "3", "-failpoint", `allocator/beforeLinkLease=1*panic("injected")`)
	require.Equal(t, 1, code)
	require.Contains(t, out, "outcome    panic")
	require.Contains(t, out, "panicked: failpoint panic: injected")
	require.Contains(t, out, "allocator.(*Allocator).window")
	require.Contains(t, out, `repro: drysim run -scenario reclaim-race -strategy slot -seed 3 -workers 64 -failpoint 'allocator/beforeLinkLease=1*panic("injected")'`)
}

func TestCleanRunExitsZeroWithoutRepro(t *testing.T) {
	code, out, _ := drysim("run", "-scenario", "release-race", "-seed", "1")
	require.Equal(t, 0, code, out)
	require.Contains(t, out, "violations none: every invariant held")
	require.NotContains(t, out, "repro:")
}

func TestCheckPrintsTheTableAndExitsZeroWhenExpectationsHold(t *testing.T) {
	code, out, _ := drysim("check", "-scenario", "release-race", "-seeds", "4")
	require.Equal(t, 0, code, out)
	require.Regexp(t, `release-race\s+naive\s+\d+\s+1\s+\d+\s+\d+\s+\d+\s+reproduces within 100\s+ok`, out)
	require.Regexp(t, `release-race\s+slot\s+4\s+0\s+-\s+\d+\s+0\s+holds over 4\s+ok`, out)
	require.Contains(t, out, "repro: drysim run -scenario release-race -strategy naive -seed ")
	require.Regexp(t, `all \d+ expectations met`, out)
}

func TestListNamesEveryScenarioFixAndFailpoint(t *testing.T) {
	code, out, _ := drysim("list")
	require.Equal(t, 0, code)
	for _, want := range []string{"reclaim-race", "activation-failure", "allocator/beforeLinkLease", "hoax/activateResource", "reclaim-stall"} {
		require.Contains(t, out, want)
	}
	require.Regexp(t, `resource-lock-on-acquire\s+D19080 a1baedbd9a 2018-02-13\s+reclaim-race`, out)
	require.Regexp(t, `reclaim-recheck-under-lock\s+hypothetical\s+reclaim-race`, out)
	require.Regexp(t, `slot, phabricator\s+Drydock as phacility/phabricator`, out)
}

func TestSaveReplayFileAndShrink(t *testing.T) {
	dir := t.TempDir()
	saved := dir + "/run.replay"
	code, out, _ := drysim("run", "-scenario", "release-race", "-strategy", "naive", "-seed", "1", "-recipe", "release-race", "-save", saved)
	require.Equal(t, 1, code, out)
	require.Contains(t, out, "saved      "+saved)
	hash := hashLine.FindStringSubmatch(out)[1]

	code, out, _ = drysim("replay", saved)
	require.Equal(t, 0, code, out)
	require.Contains(t, out, "confirmed  same trace hash "+hash+" on every run")

	shrunk := dir + "/shrunk.replay"
	code, out, _ = drysim("shrink", "-scenario", "release-race", "-strategy", "naive", "-seed", "1", "-out", shrunk)
	require.Equal(t, 0, code, out)
	require.Regexp(t, `after      1 workers, 1 leases`, out)
	require.Contains(t, out, "timeline (")
	require.Contains(t, out, "violation  ")
	code, out, _ = drysim("replay", shrunk)
	require.Equal(t, 0, code, out)
	require.Contains(t, out, "confirmed")
}

func TestBadReplayFileIsOneLineAndExit2(t *testing.T) {
	dir := t.TempDir()
	good := dir + "/good.replay"
	code, out, _ := drysim("run", "-scenario", "release-race", "-seed", "2", "-workers", "4", "-save", good)
	require.Equal(t, 0, code, out)
	text, err := os.ReadFile(good)
	require.NoError(t, err)
	tests := []struct {
		name, text, want string
	}{
		{"version", strings.Replace(string(text), "drysim-replay 2", "drysim-replay 9", 1), "this build reads format versions 1 to 2"},
		{"misfit", regexp.MustCompile(`(?m)^(\s+\d+)   \d+ (worker-\d+)$`).ReplaceAllString(string(text), "$1   777 $2"), "replay diverged at decision"},
		{"huge", strings.Replace(string(text), "\nworkers 4\n", "\nworkers 100000000\n", 1), "workers 100000000: want 1 to 65536"},
		{"bad failpoint value", strings.Replace(string(text), "\nhash ", "\nfailpoint allocator/beforeLinkLease=return(abc)\nhash ", 1), "value abc is not a number"},
	}
	for _, tc := range tests {
		path := dir + "/" + tc.name + ".replay"
		require.NoError(t, os.WriteFile(path, []byte(tc.text), 0o644))
		code, stdout, stderr := drysim("replay", path)
		require.Equal(t, 2, code, stdout+stderr)
		require.Contains(t, stderr, tc.want)
		require.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
	}
	code, _, stderr := drysim("replay", dir+"/missing.replay")
	require.Equal(t, 2, code)
	require.Contains(t, stderr, "no such file")
}
