package harness

import "runtime/debug"

// Build names the drysim build that is running: the module version and
// the VCS revision it was built from ("+dirty" with uncommitted changes),
// "devel" for whatever is unknown. A trace hash is promised only within
// one build, so replay files and sweep records carry it.
//
//	v1.2.0+3f9c2a1b7d4e, devel+3f9c2a1b7d4e-dirty, devel
func Build() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return buildID(info)
}

func buildID(info *debug.BuildInfo) string {
	version := info.Main.Version
	if version == "" || version == "(devel)" {
		version = "devel"
	}
	var rev string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return version
	}
	id := version + "+" + rev[:min(len(rev), 12)]
	if dirty {
		id += "-dirty"
	}
	return id
}
