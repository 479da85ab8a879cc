// Package artefact reads the files a design review points at, the
// Terraform, Kubernetes manifests and OpenAPI specs beside it, into the
// normalised facts the claim rules hold the review against: the
// `_artefacts` input. Every fact carries its position, so a contradiction
// is shown at the artefact's file:line:col.
//
// Artefacts are attacker-controlled in a pull request. A path that leaves
// the repository is a diagnostic and is never read; a directory is walked
// in sorted order under a bound on depth, entries and files; a link is
// followed only while it stays inside the repository; and every file is
// read by internal/regularfile under a size cap. The readers parse, and
// never evaluate: a Terraform expression is an unknown fact, not a guess.
package artefact

import (
	"path/filepath"

	"github.com/archvet/archvet/internal/artefact/fact"
	"github.com/archvet/archvet/internal/artefact/kubernetes"
	"github.com/archvet/archvet/internal/artefact/openapi"
	"github.com/archvet/archvet/internal/artefact/terraform"
	"github.com/archvet/archvet/internal/diag"
)

// InputKey is the input field through which Go hands a review the facts of
// its artefacts. Absent means the review has none.
const InputKey = "_artefacts"

// Limits bound every read; see fact.Limits.
type Limits = fact.Limits

// DefaultLimits are the limits archvet runs with.
func DefaultLimits() Limits { return fact.DefaultLimits() }

// Reader turns files of one kind into that kind's part of `_artefacts`.
// paths are display paths of regular files inside the repository, already
// confined and in a stable order; the result is plain JSON-like data
// (maps, lists, strings, numbers, booleans) with a position on every fact.
type Reader interface {
	Kind() string
	Read(paths []string, lim Limits) (any, diag.Diagnostics)
}

// Source is one path a review gives for a kind of artefact: a file or a
// directory, relative to the review's directory.
type Source struct {
	Path string
	// At is where the review names the path (its artefacts entry), where
	// a path that is outside the repository, missing or unreadable is
	// reported. Nil for a default path, which is then reported at itself.
	At *diag.Range
}

// Sources are the paths of each kind a review's artefacts section gives,
// or its defaults. A kind without sources is absent from `_artefacts`.
type Sources struct {
	Terraform  []Source
	Kubernetes []Source
	OpenAPI    []Source
}

// Readers are the readers archvet has, in the order their kinds appear.
var Readers = []Reader{terraform.Reader{}, kubernetes.Reader{}, openapi.Reader{}}

func (s Sources) of(kind string) []Source {
	switch kind {
	case "terraform":
		return s.Terraform
	case "kubernetes":
		return s.Kubernetes
	case "openapi":
		return s.OpenAPI
	}
	return nil
}

// Read reads the artefacts of one review under the default limits.
// baseDir is the review's directory as the user gave it (display paths
// are built from it); repoRoot is the directory nothing may be read from
// outside of (the repository, or the review's directory when there is
// none).
func Read(baseDir string, sources Sources, repoRoot string) (map[string]any, diag.Diagnostics) {
	return ReadWith(baseDir, sources, repoRoot, DefaultLimits())
}

// ReadWith is Read under the given limits.
func ReadWith(baseDir string, sources Sources, repoRoot string, lim Limits) (map[string]any, diag.Diagnostics) {
	out := map[string]any{}
	var diags diag.Diagnostics
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		root = repoRoot
	}
	for _, r := range Readers {
		srcs := sources.of(r.Kind())
		if len(srcs) == 0 {
			continue
		}
		w := walker{root: root, base: baseDir, lim: lim, exts: extensions[r.Kind()], seen: map[string]bool{}}
		for _, s := range srcs {
			w.source(s)
		}
		diags = append(diags, w.diags...)
		v, ds := r.Read(w.files, lim)
		diags = append(diags, ds...)
		if r.Kind() == "openapi" {
			addRefs(v, baseDir)
		}
		out[r.Kind()] = v
	}
	return out, diags
}

// addRefs gives each spec its path relative to the review, as apis[].spec
// spells it, so a claim rule can tell which API a spec is the contract of.
func addRefs(v any, baseDir string) {
	m, _ := v.(map[string]any)
	specs, _ := m["specs"].([]any)
	for _, s := range specs {
		spec, _ := s.(map[string]any)
		file, _ := spec["file"].(string)
		if rel, err := filepath.Rel(baseDir, file); err == nil {
			spec["ref"] = filepath.ToSlash(rel)
		} else {
			spec["ref"] = filepath.ToSlash(file)
		}
	}
}
