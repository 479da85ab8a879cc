package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/inputs"
	"github.com/archvet/archvet/internal/system"
)

// A run is a system when it holds two design reviews or more, or when
// --context names the reviews the checked ones live among: then every
// review is judged with its place in the system (the _system input) and
// the report gains a system section. A review checked alone has none,
// and every system rule is then not applicable.

// system makes pass 1 of a run (checks.Checker.Facts) over the run's
// files and the --context reviews, builds the system, and gives it to
// every checker of the run. It returns nil when the run is not a system.
func (b *checkerBuilder) system(ctx context.Context, segs []segment, files []checks.Input) (*checks.SystemCollector, error) {
	if b.o.noSystem && b.o.contextDir != "" {
		return nil, usageError("--no-system and --context contradict each other: --context checks the reviews as part of a system")
	}
	if len(segs) == 0 || b.o.noSystem || (len(files) < 2 && b.o.contextDir == "") {
		return nil, nil // one review alone: no pass 1 to pay for
	}
	all := files
	var extra []checks.Input
	if b.o.contextDir != "" {
		var err error
		if extra, err = b.contextInputs(files); err != nil {
			return nil, err
		}
		all = append(append([]checks.Input(nil), files...), extra...)
	}
	// Every checker reads reviews alike (the schema and the size limit
	// are the run's), so one reads them all. From here on the run holds
	// the system, and the collector's room grows with it.
	gcFollowSystem()
	facts := segs[0].checker.Facts(ctx, all)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if b.o.contextDir == "" && len(facts) < 2 {
		return nil, nil
	}
	got := map[string]bool{}
	for _, f := range facts {
		got[f.File] = true
	}
	for _, in := range extra {
		if !got[in.Path] && in.Err == nil {
			fmt.Fprintf(b.stderr, "%s: warning: --context: this review is left out of the system: it does not check (run archvet check on it to see why)\n", in.Path)
		}
	}
	sys, _ := system.Build(facts) // its warnings are reported with each file
	for _, s := range segs {
		s.checker.System = sys
	}
	return checks.NewSystemCollector(sys), nil
}

// contextInputs are the design reviews below --context DIR, except those
// the run checks itself.
func (b *checkerBuilder) contextInputs(files []checks.Input) ([]checks.Input, error) {
	dir := b.o.contextDir
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, usageError("--context: %s is not a directory", dir)
	}
	checked := make([]os.FileInfo, 0, len(files))
	names := map[string]bool{}
	for _, in := range files {
		names[filepath.Clean(in.Path)] = true
		if info, err := os.Stat(in.Path); err == nil {
			checked = append(checked, info)
		}
	}
	var out []checks.Input
	for _, in := range inputs.Expand([]string{dir}, inputs.Options{Exclude: b.o.excludes, Configs: b.configs, MaxFileSize: b.o.maxFileSize}) {
		if names[filepath.Clean(in.Path)] || sameAsAny(in.Path, checked) {
			continue
		}
		out = append(out, in)
	}
	return out, nil
}

func sameAsAny(path string, infos []os.FileInfo) bool {
	info, err := os.Stat(path)
	if err != nil {
		return false
	}
	for _, other := range infos {
		if os.SameFile(info, other) {
			return true
		}
	}
	return false
}
