package harness_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios/harness"
)

const sampleReplay = `# drysim replay file
drysim-replay 1
scenario reclaim-race
strategy naive
seed 4
workers 2
leases 2
clients 2
limit 1
sched random
scenario-failpoints false
failpoint allocator/beforeLinkLease=return(900)
stop-on acquire-live-resource
hash 0123456789abcdef
steps 99
decisions 3
# before step   run task
           4   0 worker-00
           9   fire
          12   1 worker-01
`

// Any bytes: ParseReplayFile returns a file or an ErrReplay, never panics,
// and a file it accepts writes back to text that parses to the same file.
func FuzzParseReplayFile(f *testing.F) {
	f.Add(sampleReplay)
	f.Add("drysim-replay 1\n")
	f.Add("drysim-replay 2\nscenario x\n")
	f.Add(strings.Replace(strings.Replace(sampleReplay, "drysim-replay 1", "drysim-replay 2", 1), "scenario-failpoints false", "no-scenario-failpoints true", 1))
	f.Add(strings.Replace(sampleReplay, "decisions 3", "decisions 4", 1))
	f.Add(strings.Replace(sampleReplay, "seed 4", "seed -4", 1))
	f.Fuzz(func(t *testing.T, text string) {
		file, err := harness.ParseReplayFile(strings.NewReader(text))
		if err != nil {
			require.True(t, errors.Is(err, harness.ErrReplay), "%v", err)
			return
		}
		var b bytes.Buffer
		require.NoError(t, file.Write(&b))
		again, err := harness.ParseReplayFile(&b)
		require.NoError(t, err, "written back:\n%s", b.String())
		require.Equal(t, file, again)
	})
}
