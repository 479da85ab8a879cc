package checks

import (
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/repo"
	"github.com/archvet/archvet/internal/schema"
)

// EvidenceKey is the input field through which Go tells policies what it
// found on disk. Policies never read the disk themselves; they only see
// this, so a policy bundle run by plain OPA simply has no evidence to judge.
const EvidenceKey = "_evidence"

// Evidence states.
const (
	EvidencePresent    = "present"
	EvidenceMissing    = "missing"
	EvidenceOutside    = "outside-repository"
	EvidenceNotFile    = "not-a-file"
	EvidenceEmpty      = "empty"
	EvidenceUnknown    = "unknown"
	EvidenceURL        = "url"
	EvidenceBadURL     = "invalid-url"
	EvidenceReference  = "reference"
	evidenceExtensions = ".md .markdown .txt .adoc .rst .html .pdf .yaml .yml .json .avsc .proto .graphql .puml .drawio .png .svg"
)

// AttachEvidence checks every field that names a runbook, dashboard, ADR,
// threat model or other document: a relative path must name a non-empty
// regular file inside the repository (the review's directory tree when
// there is no repository), and a URL must be well formed (it is never
// fetched). Nothing is opened: the file system is only asked what a path
// is, so a FIFO or a device cannot block the run, and an absolute path or
// one leaving the repository is refused without even that, so a review
// cannot probe the runner's files. The review's own _evidence, or any
// other computed key, never survives: archvet's answer replaces it.
func AttachEvidence(doc *document.Document, sch *schema.Schema) {
	removeComputed(doc.Value)
	paths := sch.EvidencePaths(doc.Value)
	evidence := make(map[string]any, len(paths))
	// An empty object, not an absent key: absent means evidence was not
	// computed at all (a plain OPA run), which PR600 reports as unanswered.
	doc.Value[EvidenceKey] = evidence
	if len(paths) == 0 {
		return
	}
	base := filepath.Dir(doc.Path)
	root := evidenceRoot(base)
	for _, p := range paths {
		ref, _ := lookupPath(doc.Value, p).(string)
		evidence[p] = map[string]any{"ref": ref, "state": classify(root, base, ref)}
	}
}

// StripComputed removes every top-level key of the review that starts
// with "_": those are computed by archvet (such as _evidence) and handed
// to the policies, so a review that wrote its own would forge them. Each
// removed key is a warning at its position.
func StripComputed(doc *document.Document) diag.Diagnostics {
	var ds diag.Diagnostics
	for _, k := range computedKeys(doc.Value) {
		ds = append(ds, diag.Warningf(rangeAt(doc, k),
			"%q is ignored: keys starting with \"_\" are computed by archvet, never read from a design review", k))
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Subject.Start.Line < ds[j].Subject.Start.Line })
	removeComputed(doc.Value)
	return ds
}

func computedKeys(v map[string]any) []string {
	var keys []string
	for k := range v {
		if strings.HasPrefix(k, "_") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

func removeComputed(v map[string]any) {
	for _, k := range computedKeys(v) {
		delete(v, k)
	}
}

// evidenceRoot is the directory cited paths must stay in: the repository
// holding the review; without one, the working directory when the review
// lies inside it, else the review's own directory.
func evidenceRoot(base string) string {
	if root, ok := repo.Root(base); ok {
		return root
	}
	if wd, err := os.Getwd(); err == nil && repo.Within(wd, base) {
		return wd
	}
	return base
}

func classify(root, base, ref string) string {
	ref = strings.TrimSpace(ref)
	if hasScheme(ref) {
		u, err := url.Parse(ref)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return EvidenceBadURL
		}
		return EvidenceURL
	}
	if !looksLikePath(ref) {
		return EvidenceReference
	}
	if filepath.IsAbs(ref) || filepath.VolumeName(ref) != "" || strings.HasPrefix(ref, `\\`) {
		return EvidenceOutside
	}
	p := filepath.Join(base, filepath.FromSlash(ref))
	if !repo.Within(root, p) {
		return EvidenceOutside
	}
	// Lstat, then Stat for a link (whose target Within has kept inside
	// the repository): neither opens the file.
	info, err := os.Lstat(p)
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		info, err = os.Stat(p)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) || errors.Is(err, syscall.ELOOP):
		return EvidenceMissing
	case err != nil:
		return EvidenceUnknown
	case !info.Mode().IsRegular():
		return EvidenceNotFile
	case info.Size() == 0:
		return EvidenceEmpty
	}
	return EvidencePresent
}

// hasScheme reports whether a reference starts like a URL ("https:",
// "htps:/..."), so that a mistyped URL is judged as a URL, not a path.
func hasScheme(ref string) bool {
	i := strings.Index(ref, ":")
	if i < 2 {
		return false
	}
	for j, c := range ref[:i] {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (j == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// looksLikePath tells a file reference from a registry id or a name.
func looksLikePath(ref string) bool {
	if strings.Contains(ref, "/") {
		return true
	}
	ext := strings.ToLower(filepath.Ext(ref))
	return ext != "" && strings.Contains(" "+evidenceExtensions+" ", " "+ext+" ")
}

// lookupPath reads a value by logical path, for the paths EvidencePaths
// produced (plain keys and [N] indices).
func lookupPath(v any, path string) any {
	for path != "" {
		switch {
		case strings.HasPrefix(path, "["):
			end := strings.Index(path, "]")
			list, _ := v.([]any)
			i := 0
			for _, c := range path[1:end] {
				i = i*10 + int(c-'0')
			}
			if i >= len(list) {
				return nil
			}
			v, path = list[i], strings.TrimPrefix(path[end+1:], ".")
		default:
			end := strings.IndexAny(path, ".[")
			key := path
			if end >= 0 {
				key, path = path[:end], strings.TrimPrefix(path[end:], ".")
			} else {
				path = ""
			}
			m, _ := v.(map[string]any)
			v = m[key]
		}
	}
	return v
}
