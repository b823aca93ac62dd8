// Package window reads a failpoint's value as a time to stay in a race
// window, the way allocator.WindowDuration does for Drydock: the reference
// systems under systems/ share it so that a failpoint means the same thing
// in every system. It imports nothing of drysim.
package window

import (
	"time"

	"github.com/pingcap/failpoint"
)

// Duration reads a failpoint value: an int is milliseconds, a string a Go
// duration ("30s"), true or a bare return() one second, false or nil none.
func Duration(v failpoint.Value) time.Duration {
	switch x := v.(type) {
	case nil:
		return 0
	case int:
		return time.Duration(x) * time.Millisecond
	case string:
		if d, err := time.ParseDuration(x); err == nil {
			return d
		}
	case bool:
		if !x {
			return 0
		}
	}
	return time.Second
}
