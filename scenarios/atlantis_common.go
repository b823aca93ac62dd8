package scenarios

import (
	"time"

	"github.com/drysim/drysim/hoax"
)

// atlantisTimings are the latencies every Atlantis scenario starts from:
// a clone or merge takes seconds, a plan tens of seconds, an apply up to a
// minute; a human reviews for minutes and comments again a few minutes
// after a rejection. poll-retry polls every 10s and both waiting policies
// give up after two minutes.
func atlantisTimings(wl AtlantisWorkload) AtlantisWorkload {
	wl.Clone = hoax.Latency{Min: 5 * time.Second, Max: 20 * time.Second}
	wl.Plan = hoax.Latency{Min: 10 * time.Second, Max: 40 * time.Second}
	wl.Apply = hoax.Latency{Min: 20 * time.Second, Max: 60 * time.Second}
	wl.Review = hoax.Latency{Min: time.Minute, Max: 10 * time.Minute}
	wl.Retry = hoax.Latency{Min: time.Minute, Max: 5 * time.Minute}
	wl.Arrival = 30 * time.Minute
	wl.LockTimeout, wl.Poll = 2*time.Minute, 10*time.Second
	wl.MaxRounds, wl.Liveness = 10, 24*time.Hour
	return wl
}
