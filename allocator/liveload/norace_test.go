//go:build !race

package liveload_test

// raceEnabled: the tests run under the race detector (go test -race).
const raceEnabled = false
