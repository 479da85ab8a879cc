package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, tc := range []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build information", nil, "dev"},
		{"go install ...@v1.4.0", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0"},
		{"go install ...@commit (pseudo-version)", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201120000-3f2a1c9d0b7e"}}, "v0.0.0-20261201120000-3f2a1c9d0b7e"},
		{"go build in a clone", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("3f2a1c9d0b7e55aa", "false")}, "dev+3f2a1c9d0b7e"},
		{"go build with local changes", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("3f2a1c9d0b7e55aa", "true")}, "dev+3f2a1c9d0b7e.dirty"},
		{"go build outside version control", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
	} {
		if got := fromBuildInfo(tc.info); got != tc.want {
			t.Errorf("%s: version %q, want %q", tc.name, got, tc.want)
		}
	}
}
