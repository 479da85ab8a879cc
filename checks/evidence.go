package checks

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/archvet/archvet/internal/document"
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
	EvidenceURL        = "url"
	EvidenceBadURL     = "invalid-url"
	EvidenceReference  = "reference"
	evidenceExtensions = ".md .markdown .txt .adoc .rst .html .pdf .yaml .yml .json .avsc .proto .graphql .puml .drawio .png .svg"
)

// AttachEvidence checks every field that names a runbook, dashboard, ADR,
// threat model or other document: a relative path must exist next to the
// design review, and a URL must be well formed (it is never fetched).
func AttachEvidence(doc *document.Document, sch *schema.Schema) {
	paths := sch.EvidencePaths(doc.Value)
	if len(paths) == 0 {
		return
	}
	base := filepath.Dir(doc.Path)
	evidence := make(map[string]any, len(paths))
	for _, p := range paths {
		ref, _ := lookupPath(doc.Value, p).(string)
		evidence[p] = map[string]any{"ref": ref, "state": classify(base, ref)}
	}
	doc.Value[EvidenceKey] = evidence
}

func classify(base, ref string) string {
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
	p := ref
	if !filepath.IsAbs(p) {
		p = filepath.Join(base, filepath.FromSlash(ref))
	}
	if _, err := os.Stat(p); err != nil {
		return EvidenceMissing
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
