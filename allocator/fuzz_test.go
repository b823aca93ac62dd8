package allocator_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
)

// Any -strategy value: a strategy whose name is the input, or an error
// that names the valid ones.
func FuzzParseStrategy(f *testing.F) {
	for _, s := range []string{"naive", "global", "slot", "slot-without=yield-for-pending",
		"slot-without=binding-slot-locks,limit-slot-locks", "slot-without=", "slot-without=,", "Slot"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s, err := allocator.ParseStrategy(name)
		if err != nil {
			require.Contains(t, err.Error(), "valid")
			return
		}
		require.Equal(t, name, s.Name)
	})
}
