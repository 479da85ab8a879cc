// Package version says which archvet is running. Every place that names
// the tool's version (archvet version, --version, the SARIF driver, the
// OPA bundle's revision) asks here, so they always agree.
package version

import (
	"runtime/debug"
	"sync"
)

// override, when set at link time with
// -ldflags "-X github.com/archvet/archvet/internal/version.override=v1.2.3",
// wins over the build information; release scripts that build from a
// tarball, where Go records no version, use it.
var override string

var (
	once   sync.Once
	cached string
)

// String is archvet's version: the module version Go recorded when it was
// installed with `go install github.com/archvet/archvet/cmd/archvet@vX`,
// or "dev" for a build from a clone, followed by the commit it was built
// from when Go recorded one ("dev+3f2a1c9d0b7e", ".dirty" appended for uncommitted
// changes).
func String() string {
	once.Do(func() {
		cached = override
		if cached == "" {
			info, _ := debug.ReadBuildInfo()
			cached = fromBuildInfo(info)
		}
	})
	return cached
}

// fromBuildInfo derives the version from what the Go toolchain recorded.
func fromBuildInfo(info *debug.BuildInfo) string {
	if info == nil {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev string
	var dirty bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v := "dev+" + rev
	if dirty {
		v += ".dirty"
	}
	return v
}
