package scenarios

import (
	"fmt"
	"time"

	"github.com/drysim/drysim/hoax"
)

// hostLatencies are the hoax latencies every scenario starts from: a
// working copy or a small VM, seconds to set up, milliseconds to talk to.
func hostLatencies(cfg hoax.Config) hoax.Config {
	cfg.AllocateLatency = hoax.Latency{Min: 50 * time.Millisecond, Max: 500 * time.Millisecond}
	cfg.ActivateLatency = hoax.Latency{Min: 5 * time.Second, Max: 20 * time.Second}
	cfg.DestroyLatency = hoax.Latency{Min: time.Second, Max: 3 * time.Second}
	cfg.AcquireLatency = hoax.Latency{Min: 10 * time.Millisecond, Max: 100 * time.Millisecond}
	cfg.ActivateLeaseLatency = hoax.Latency{Min: 500 * time.Millisecond, Max: 2 * time.Second}
	cfg.ReleaseLatency = hoax.Latency{Min: 100 * time.Millisecond, Max: 500 * time.Millisecond}
	return cfg
}

func hosts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("host-%02d", i+1)
	}
	return out
}
