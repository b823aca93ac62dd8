package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// An output that cannot be created is found before any work: one line,
// exit 2, nothing printed, nothing run.
func TestOutputPathsAreOpenedBeforeTheWork(t *testing.T) {
	dir := t.TempDir()
	tests := [][]string{
		{"run", "-scenario", "reclaim-race", "-strategy", "naive", "-save", "/nonexistent/r.replay"},
		{"run", "-scenario", "reclaim-race", "-trace", dir + "/t.txt", "-perfetto", "/nonexistent/p.json"},
		{"shrink", "-scenario", "reclaim-race", "-strategy", "naive", "-out", "/nonexistent/s.replay"},
		{"check", "-scenario", "reclaim-race", "-junit", "/nonexistent/j.xml"},
		{"replay", "-scenario", "reclaim-race", "-perfetto", "/nonexistent/p.json"},
		{"verify", "-scenario", "reclaim-race", "-strategy", "naive", "-workers", "2", "-leases", "2", "-out", "/nonexistent/v.replay"},
		{"hunt", "-scenario", "reclaim-race", "-strategy", "naive", "-out", "/nonexistent/h.replay"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, stderr := drysim(args...)
			require.Equal(t, 2, code, stderr)
			require.Empty(t, stdout, "nothing ran")
			require.Regexp(t, `^drysim \w+: -\w+: open /nonexistent/\S+: no such file or directory\n$`, stderr)
		})
	}
	_, err := os.Stat(dir + "/t.txt")
	require.ErrorIs(t, err, os.ErrNotExist, "an output opened before a later one failed is removed again")
}

// An output that fails while being written (here: past the file-size
// limit, as on a full disk) loses nothing computed: the result is
// printed, the write failure is one line, and the exit status is the
// run's (1 for a violation).
func TestAFailedWriteStillPrintsTheResult(t *testing.T) {
	if testing.Short() {
		t.Skip("builds drysim")
	}
	bin, dir := buildDrysim(t), t.TempDir()
	tests := []struct {
		args     string
		code     int
		contains []string
	}{
		{"run -scenario release-race -strategy naive -seed 1 -recipe release-race -save big.replay", 1,
			[]string{"race reproduced: ", "repro: drysim run -scenario release-race"}},
		{"run -scenario release-race -strategy slot -seed 2 -workers 4 -save big.replay", 2,
			[]string{"violations none: every invariant held"}},
		{"shrink -scenario release-race -strategy naive -seed 1 -out big.replay", 1,
			[]string{"NOT SAVED  big.replay", "drysim-replay 2", "timeline (", "violation  "}},
	}
	for _, tc := range tests {
		t.Run(tc.args, func(t *testing.T) {
			// ulimit -f 1: writes past 512 bytes fail with EFBIG.
			cmd := exec.Command("sh", "-c", "ulimit -f 1 && exec "+bin+" "+tc.args)
			cmd.Dir = dir
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit)
			require.Equal(t, tc.code, exit.ExitCode(), stdout.String()+stderr.String())
			for _, want := range tc.contains {
				require.Contains(t, stdout.String(), want)
			}
			require.Regexp(t, `^drysim \w+: -(save|out) big.replay: write big.replay: file too large\n$`, stderr.String())
		})
	}
}

// A replay file: FILE anywhere among the flags, its own hash and -hash
// both honoured, every display flag, and a repro line that replays the
// file.
func TestReplayFileTakesEveryFlag(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "r.replay")
	code, out, _ := drysim("run", "-scenario", "release-race", "-strategy", "naive", "-seed", "1", "-recipe", "release-race", "-save", saved)
	require.Equal(t, 1, code, out)
	hash := hashLine.FindStringSubmatch(out)[1]

	code, out, _ = drysim("replay", "-runs", "2", saved)
	require.Equal(t, 0, code, "replay confirms the hash; the violation is the run's: %s", out)
	require.Contains(t, out, "confirmed  same trace hash "+hash)
	require.Contains(t, out, "repro: drysim replay "+saved+"\n", "the repro line of a file replays the file")

	code, out, _ = drysim("replay", saved, "-hash", hash, "-runs", "1")
	require.Equal(t, 0, code)
	require.Contains(t, out, "confirmed  same trace hash "+hash)
	code, out, _ = drysim("replay", saved, "-hash", "0000000000000000", "-runs", "1")
	require.Equal(t, 1, code)
	require.Contains(t, out, "MISMATCH   hash "+hash+", wanted 0000000000000000")

	trace, perfetto := filepath.Join(dir, "t.txt"), filepath.Join(dir, "p.json")
	code, out, _ = drysim("replay", "-story", saved, "-trace", trace, "-perfetto", perfetto, "-runs", "1")
	require.Equal(t, 0, code)
	require.Contains(t, out, "timeline (")
	require.Contains(t, out, "idle-worker hand-offs left out")
	require.Contains(t, out, "trace      "+trace)
	require.Contains(t, out, "perfetto   "+perfetto)
	text, err := os.ReadFile(trace)
	require.NoError(t, err)
	require.Contains(t, string(text), "hash "+hash)
	var doc map[string]any
	data, err := os.ReadFile(perfetto)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &doc))

	_, full, _ := drysim("replay", saved, "-full", "-runs", "1")
	require.Greater(t, strings.Count(full, "\n"), strings.Count(out, "\n"), "-full shows every event")

	code, help, _ := drysim("replay", "-h")
	require.Equal(t, 0, code)
	require.Contains(t, help, "usage: drysim replay FILE [flags]")
}

func TestReplayFileHeaderShowsRealSizesAndTheBuild(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "r.replay")
	code, out, _ := drysim("run", "-scenario", "reclaim-race", "-seed", "2", "-workers", "4", "-save", saved)
	require.Equal(t, 0, code, out)
	text, err := os.ReadFile(saved)
	require.NoError(t, err)
	require.Regexp(t, `(?m)^# written by drysim \S+$`, string(text))
	for _, want := range []string{"leases 30", "clients 8", "limit 3", "poll 5s"} {
		require.Regexp(t, regexp.MustCompile(`(?m)^`+want+`$`), string(text), "the scenario's real %s, not 0", want)
	}
}
