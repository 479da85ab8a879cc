package checks

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/archvet/archvet/internal/artefact"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/repo"
)

// ArtefactsKey is the input field through which Go hands the policies the
// facts it read from the repository's Terraform, Kubernetes manifests and
// OpenAPI specs. Like _evidence it is computed, never read from a review.
const ArtefactsKey = "_artefacts"

// Artefact kinds, the keys of the review's artefacts section and of the
// _artefacts input.
const (
	KindTerraform  = "terraform"
	KindKubernetes = "kubernetes"
	KindOpenAPI    = "openapi"
)

// ArtefactKinds lists the kinds in the order they are read and reported.
var ArtefactKinds = []string{KindTerraform, KindKubernetes, KindOpenAPI}

// DefaultArtefactDirs are the conventional places read when the review's
// artefacts section does not list a kind: those that exist, relative to
// the review. OpenAPI's default is every apis[].spec naming a file.
var DefaultArtefactDirs = map[string][]string{
	KindTerraform:  {"infra", "terraform"},
	KindKubernetes: {"deploy", "k8s", "manifests"},
}

// ArtefactSource is one path of a kind of artefact: a file or a
// directory, relative to the review's directory, and where the review
// names it (nil for a conventional default).
type ArtefactSource struct {
	Path string
	At   *diag.Range
}

// ArtefactSources are a review's artefact paths per kind: the ones its
// artefacts section lists, or the defaults that exist.
type ArtefactSources map[string][]ArtefactSource

// ArtefactReader reads a review's artefacts into the _artefacts input
// (internal/artefact.Read: confined to repoRoot, walked and read under
// its limits, every fact with its position). baseDir is the review's
// directory as given, from which display paths are built.
type ArtefactReader func(baseDir string, sources ArtefactSources, repoRoot string) (map[string]any, diag.Diagnostics)

// ResolveArtefacts reads the review's artefacts section, with the
// conventional defaults for the kinds it does not list. A listed path that
// leaves the repository or does not exist is an error at its entry; a
// default that does not exist is simply not read. root is the directory
// the paths must stay inside.
func ResolveArtefacts(doc *document.Document) (sources ArtefactSources, root string, ds diag.Diagnostics) {
	base := filepath.Dir(doc.Path)
	root = evidenceRoot(base)
	section, _ := doc.Value["artefacts"].(map[string]any)
	sources = ArtefactSources{}
	for _, kind := range ArtefactKinds {
		listed, declared := section[kind].([]any)
		if !declared {
			for _, p := range defaultPaths(doc, kind) {
				full := filepath.Join(base, filepath.FromSlash(p))
				if !filepath.IsAbs(p) && repo.Within(root, full) && exists(full) {
					sources[kind] = appendOnce(sources[kind], ArtefactSource{Path: filepath.Clean(filepath.FromSlash(p))})
				}
			}
			continue
		}
		for i, item := range listed {
			p, _ := item.(string)
			field := document.JoinIndex("artefacts."+kind, i)
			if strings.TrimSpace(p) == "" {
				continue // the schema reports it
			}
			full := filepath.Join(base, filepath.FromSlash(p))
			switch {
			case filepath.IsAbs(p) || filepath.VolumeName(p) != "" || !repo.Within(root, full):
				ds = append(ds, diag.Errorf(rangeOf(doc, field), "the %s artefact %s is outside the repository, or a link that leads out of it; archvet reads artefacts only from inside the repository", kind, p))
			case !exists(full):
				ds = append(ds, diag.Errorf(rangeOf(doc, field), "the %s artefact %s does not exist next to the design review", kind, p))
			default:
				sources[kind] = appendOnce(sources[kind], ArtefactSource{Path: filepath.Clean(filepath.FromSlash(p)), At: rangeOf(doc, field)})
			}
		}
	}
	return sources, root, ds
}

// defaultPaths are the conventional places of a kind the review does not
// list.
func defaultPaths(doc *document.Document, kind string) []string {
	if kind != KindOpenAPI {
		return DefaultArtefactDirs[kind]
	}
	var specs []string
	apis, _ := doc.Value["apis"].([]any)
	for _, a := range apis {
		api, _ := a.(map[string]any)
		spec, _ := api["spec"].(string)
		spec = strings.TrimSpace(spec)
		if spec != "" && !hasScheme(spec) {
			specs = append(specs, spec)
		}
	}
	return specs
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}

func appendOnce(list []ArtefactSource, s ArtefactSource) []ArtefactSource {
	for _, q := range list {
		if q.Path == s.Path {
			return list
		}
	}
	return append(list, s)
}

func rangeOf(doc *document.Document, path string) *diag.Range {
	r, _, ok := doc.Index.Resolve(path)
	if !ok {
		return &diag.Range{Filename: doc.Path}
	}
	return &r
}

// AttachArtefacts reads the review's artefacts (ReadArtefacts), then
// derives the fields the review leaves out and an artefact states (see
// Derive).
func AttachArtefacts(doc *document.Document, read ArtefactReader) ([]Derived, diag.Diagnostics) {
	facts, ds := ReadArtefacts(doc, read)
	if ds.HasErrors() {
		return nil, ds
	}
	return Derive(doc, facts), ds
}

// ReadArtefacts reads the review's artefacts with read and sets
// doc.Value[ArtefactsKey]: one entry per kind that has paths. It is always
// set (an empty object when nothing was read), so a policy can tell
// "archvet read nothing" from a plain OPA run, which has no _artefacts at
// all. A review's own _artefacts never survives (StripComputed ran
// before). A nil read reads nothing.
func ReadArtefacts(doc *document.Document, read ArtefactReader) (map[string]any, diag.Diagnostics) {
	facts := map[string]any{}
	doc.Value[ArtefactsKey] = facts
	sources, root, ds := ResolveArtefacts(doc)
	if ds.HasErrors() || len(sources) == 0 || read == nil {
		return facts, ds
	}
	v, rds := read(filepath.Dir(doc.Path), sources, root)
	ds = append(ds, rds...)
	if ds.HasErrors() {
		return facts, ds
	}
	for _, kind := range ArtefactKinds {
		if v[kind] == nil {
			continue
		}
		plain, err := normalise(v[kind])
		if err != nil {
			return facts, append(ds, diag.Errorf(&diag.Range{Filename: doc.Path}, "internal error: the %s facts are not plain data: %v", kind, err))
		}
		facts[kind] = plain
	}
	return facts, ds
}

// DefaultArtefactReader is what a Checker reads artefacts with when it
// names no reader: internal/artefact, under its default limits.
var DefaultArtefactReader ArtefactReader = readArtefacts

func (c *Checker) artefactReader() ArtefactReader {
	if c.Artefacts != nil {
		return c.Artefacts
	}
	return DefaultArtefactReader
}

// readArtefacts adapts internal/artefact.Read to ArtefactReader.
func readArtefacts(baseDir string, sources ArtefactSources, repoRoot string) (map[string]any, diag.Diagnostics) {
	conv := func(kind string) []artefact.Source {
		var out []artefact.Source
		for _, s := range sources[kind] {
			out = append(out, artefact.Source{Path: s.Path, At: s.At})
		}
		return out
	}
	return artefact.Read(baseDir, artefact.Sources{
		Terraform:  conv(KindTerraform),
		Kubernetes: conv(KindKubernetes),
		OpenAPI:    conv(KindOpenAPI),
	}, repoRoot)
}
