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

func TestBadInputIsOneLineAndExit2(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"; valid: list, run, check, replay`},
		{[]string{"run"}, "-scenario is required; valid: double-allocation"},
		{[]string{"run", "-scenario", "nope"}, `unknown scenario "nope"; valid: double-allocation`},
		{[]string{"run", "-scenario", "reclaim-race", "-strategy", "optimistic"}, `unknown strategy "optimistic"; valid: naive, global, slot`},
		{[]string{"run", "-scenario", "reclaim-race", "-strategy", "slot-without=magic"}, `unknown fix "magic"; valid: binding-slot-locks`},
		{[]string{"run", "-scenario", "reclaim-race", "-seed", "abc"}, `invalid value "abc" for flag -seed`},
		{[]string{"run", "-scenario", "reclaim-race", "-seed", "-1"}, `invalid value "-1" for flag -seed`},
		{[]string{"run", "-scenario", "reclaim-race", "-workers", "0"}, "-workers 0: want 1 or more"},
		{[]string{"run", "-scenario", "reclaim-race", "-sched", "dfs"}, `unknown scheduler "dfs"; valid: random, pct`},
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", "allocator/nowhere=return(1)"}, `unknown failpoint "allocator/nowhere"; valid: allocator/afterLoadCandidates`},
		{[]string{"run", "-scenario", "reclaim-race", "-failpoint", "allocator/beforeLinkLease=sleep(5)"}, `action "sleep" acts on the real process`},
		{[]string{"run", "-scenario", "reclaim-race", "stray"}, `unexpected argument "stray"`},
		{[]string{"check"}, "-scenario is required; valid: all, double-allocation"},
		{[]string{"check", "-scenario", "reclaim-race", "-seeds", "-3"}, "-seeds -3: want 0 (the scenario's) or more"},
		{[]string{"check", "-scenario", "reclaim-race", "-strategies", "slot-without=magic"}, `-strategies: strategy "slot-without=magic": unknown fix "magic"; valid: binding-slot-locks`},
		{[]string{"replay", "-scenario", "reclaim-race", "-hash", "xyz"}, "-hash \"xyz\": want the 16 hex digits"},
		{[]string{"replay", "-scenario", "reclaim-race", "-runs", "0"}, "-runs 0: want 1 or more"},
	}
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

func TestHelpExitsZero(t *testing.T) {
	code, out, _ := drysim()
	require.Equal(t, 0, code)
	require.Contains(t, out, "usage: drysim <command>")
	code, out, _ = drysim("run", "-h")
	require.Equal(t, 0, code)
	require.Contains(t, out, "-failpoint")
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
