package checks

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

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

// ArtefactReader reads one kind of artefact into its part of the
// _artefacts input (the shape internal/artefact documents). Paths are the
// review's resolved artefact paths, files or directories, as displayed
// (relative to the working directory like the review's own path), already
// confined to the repository.
type ArtefactReader interface {
	Kind() string
	Read(paths []string) (any, diag.Diagnostics)
}

// ArtefactPaths is where one review's artefacts are, per kind: the paths
// the review lists (or the defaults), resolved against its directory.
type ArtefactPaths map[string][]string

// ResolveArtefacts reads the review's artefacts section, with the
// conventional defaults for the kinds it does not list. A listed path that
// leaves the repository or does not exist is an error at its entry; a
// default that does not exist is simply not read.
func ResolveArtefacts(doc *document.Document) (ArtefactPaths, diag.Diagnostics) {
	base := filepath.Dir(doc.Path)
	root := evidenceRoot(base)
	section, _ := doc.Value["artefacts"].(map[string]any)
	out := ArtefactPaths{}
	var ds diag.Diagnostics
	for _, kind := range ArtefactKinds {
		listed, declared := section[kind].([]any)
		if !declared {
			for _, p := range defaultPaths(doc, kind) {
				full := filepath.Join(base, filepath.FromSlash(p))
				if !filepath.IsAbs(p) && repo.Within(root, full) && exists(full) {
					out[kind] = appendOnce(out[kind], full)
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
				out[kind] = appendOnce(out[kind], full)
			}
		}
	}
	return out, ds
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

func appendOnce(list []string, p string) []string {
	for _, q := range list {
		if q == p {
			return list
		}
	}
	return append(list, p)
}

func rangeOf(doc *document.Document, path string) *diag.Range {
	r, _, ok := doc.Index.Resolve(path)
	if !ok {
		return &diag.Range{Filename: doc.Path}
	}
	return &r
}

// AttachArtefacts reads the review's artefacts with the readers given and
// sets doc.Value[ArtefactsKey]: one entry per kind that has paths and a
// reader. It is always set (an empty object when nothing was read), so a
// policy can tell "archvet read nothing" from a plain OPA run, which has
// no _artefacts at all. Then the fields the review leaves out and an
// artefact states are derived (see Derive). A review's own _artefacts
// never survives (StripComputed ran before).
func AttachArtefacts(doc *document.Document, readers []ArtefactReader) ([]Derived, diag.Diagnostics) {
	paths, ds := ResolveArtefacts(doc)
	facts := map[string]any{}
	doc.Value[ArtefactsKey] = facts
	sorted := append([]ArtefactReader(nil), readers...)
	sort.SliceStable(sorted, func(i, j int) bool { return kindOrder(sorted[i].Kind()) < kindOrder(sorted[j].Kind()) })
	for _, r := range sorted {
		ps := paths[r.Kind()]
		if len(ps) == 0 {
			continue
		}
		v, rds := r.Read(ps)
		ds = append(ds, rds...)
		if v == nil {
			continue
		}
		plain, err := normalise(v)
		if err != nil {
			ds = append(ds, diag.Errorf(&diag.Range{Filename: doc.Path}, "internal error: the %s facts are not plain data: %v", r.Kind(), err))
			continue
		}
		facts[r.Kind()] = plain
	}
	if ds.HasErrors() {
		return nil, ds
	}
	return Derive(doc, facts), ds
}

func kindOrder(kind string) int {
	for i, k := range ArtefactKinds {
		if k == kind {
			return i
		}
	}
	return len(ArtefactKinds)
}

// DefaultArtefactReaders are the readers a Checker uses when it names
// none. internal/artefact registers its Terraform, Kubernetes and OpenAPI
// readers here (checks cannot import it: it would import checks back
// through the bundle); a program that reads no artefact leaves it empty.
var DefaultArtefactReaders []ArtefactReader

func (c *Checker) artefactReaders() []ArtefactReader {
	if c.Artefacts != nil {
		return c.Artefacts
	}
	return DefaultArtefactReaders
}
