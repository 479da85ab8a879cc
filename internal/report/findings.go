package report

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/repo"
	"github.com/archvet/archvet/rules"
)

// This file holds what the machine formats share: how a finding is named
// across runs (its fingerprint), how a path is written for CI systems, and
// how a result's status is read when it is neither pass nor fail.

// fingerprintVersion is mixed into every fingerprint so that a change of
// the recipe cannot be mistaken for a match. v2 names list entries by
// their name (checks.Finding.Key) and files relative to the repository
// root; v1 used index paths and paths relative to the working directory.
const fingerprintVersion = "archvet/v2"

// FingerprintKey is the name of the SARIF partialFingerprints entry that
// carries Fingerprint. Its version moves with fingerprintVersion, so code
// scanning treats a v1 and a v2 fingerprint as different kinds rather
// than as a changed finding.
const FingerprintKey = "archvetFinding/v2"

// Fingerprint names a finding so that it is recognised across commits: a
// hash of the rule, the file (path as archvet was given it, written
// relative to the repository root by IdentityPath) and the finding's
// identity key (checks.Finding.Key, list entries by name). The line is
// left out on purpose, so a finding keeps its identity when lines above it
// are added or removed, when entries of a list are inserted or reordered,
// and when archvet runs from another directory. SARIF partialFingerprints,
// Code Climate and the JSON report use it.
func Fingerprint(path, ruleID, key string) string {
	return IdentityFingerprint(IdentityPath(path, ""), ruleID, key)
}

// IdentityFingerprint is Fingerprint of a path already written as
// IdentityPath writes it. Baselines use it with their own fallback root.
func IdentityFingerprint(idPath, ruleID, key string) string {
	h := sha256.New()
	for _, part := range []string{fingerprintVersion, strings.ToUpper(ruleID), idPath, key} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// IdentityPath writes a file's path for identity: relative to the root of
// the repository holding it (the nearest directory above it with a .git
// entry), else relative to fallback, else to the working directory, with
// forward slashes. A path that is not a file on disk (standard input's
// "-") is kept as it is.
func IdentityPath(path, fallback string) string {
	if path == "" || path == "-" {
		return path
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(filepath.Clean(path))
	}
	base := rootOf(filepath.Dir(abs))
	if base == "" {
		base = fallback
	}
	if base == "" {
		if wd, err := os.Getwd(); err == nil {
			base = wd
		}
	}
	if b, err := filepath.Abs(base); err == nil {
		if rel, err := filepath.Rel(b, abs); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Clean(path))
}

// roots caches repo.Root by directory: a run over thousands of files in
// a few directories asks the file system once per directory.
var roots = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

func rootOf(dir string) string {
	roots.Lock()
	defer roots.Unlock()
	if r, ok := roots.m[dir]; ok {
		return r
	}
	r, _ := repo.Root(dir)
	roots.m[dir] = r
	return r
}

// RelativePath writes a report path as CI systems want it: relative to the
// working directory, with forward slashes. A path that cannot be made
// relative is kept as given, in slash form.
func RelativePath(p string) string {
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil {
				p = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// FindingFingerprint is the fingerprint of one finding of a file.
func FindingFingerprint(f checks.FileReport, r checks.RuleResult, fd checks.Finding) string {
	return Fingerprint(f.Path, r.Rule.ID, fd.Key)
}

// statusKind sorts statuses into the three the scoring knows and "other",
// so that a status added later (a waiver, say) is shown with its own name
// rather than dropped or mistaken for a pass.
type statusKind int

const (
	kindPass statusKind = iota
	kindFail
	kindNotApplicable
	kindOther
)

func kindOf(s checks.Status) statusKind {
	switch s {
	case checks.Pass:
		return kindPass
	case checks.Fail:
		return kindFail
	case checks.NotApplicable:
		return kindNotApplicable
	}
	return kindOther
}

// findingStatus is the status of one finding: waived when a current
// waiver covers it, a failure when its rule failed or was waived but this
// finding is not, and otherwise its rule's own status, whatever that is.
func findingStatus(r checks.RuleResult, fd checks.Finding) checks.Status {
	switch {
	case fd.IsWaived():
		return checks.Waived
	case r.Status == checks.Fail || r.Status == checks.Waived:
		return checks.Fail
	}
	return r.Status
}

// statusLabel is a status for people: "not applicable" rather than
// "not_applicable".
func statusLabel(s checks.Status) string {
	return strings.ReplaceAll(string(s), "_", " ")
}

// catalogueRules lists the rules a rule-listing format describes: the
// run's catalogue when there is one, else every rule the report mentions.
func catalogueRules(opts Options, rep checks.Report) []*rules.Rule {
	if opts.Catalogue != nil && len(opts.Catalogue.Rules) > 0 {
		return opts.Catalogue.Rules
	}
	seen := map[string]*rules.Rule{}
	for _, f := range rep.Files {
		for _, r := range f.Results {
			if r.Rule != nil {
				seen[r.Rule.ID] = r.Rule
			}
		}
	}
	out := make([]*rules.Rule, 0, len(seen))
	for _, r := range seen {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// severities lists severities most severe first.
var severities = []rules.Severity{rules.Critical, rules.High, rules.Medium, rules.Low}

// serviceName is how a file is named for people: its service, else its path.
func serviceName(f checks.FileReport) string {
	if f.Service != "" {
		return f.Service
	}
	return f.Path
}

// oneLine folds whitespace, including newlines, into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
