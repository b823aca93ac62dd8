package harness

import (
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBuildIDNamesVersionAndRevision(t *testing.T) {
	rev := func(kv ...string) []debug.BuildSetting {
		var out []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			out = append(out, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	tests := []struct {
		version  string
		settings []debug.BuildSetting
		want     string
	}{
		{"", nil, "devel"},
		{"(devel)", nil, "devel"},
		{"(devel)", rev("vcs.revision", "3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345", "vcs.modified", "false"), "devel+3f9c2a1b7d4e"},
		{"v1.2.0", rev("vcs.revision", "3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345", "vcs.modified", "true"), "v1.2.0+3f9c2a1b7d4e-dirty"},
		{"v1.2.0", nil, "v1.2.0"},
	}
	for _, tc := range tests {
		info := &debug.BuildInfo{Main: debug.Module{Version: tc.version}, Settings: tc.settings}
		require.Equal(t, tc.want, buildID(info))
	}
	require.NotEmpty(t, Build())
}
