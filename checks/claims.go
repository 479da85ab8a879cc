package checks

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/rules"
)

// Claim statuses: what the repository's artefacts say of one thing the
// review states.
const (
	// Verified: an artefact (or the file a fact was imported from) agrees.
	Verified = "verified"
	// Contradicted: an artefact disagrees; the rule also fails there.
	Contradicted = "contradicted"
	// Unverified: no artefact speaks to it.
	Unverified = "unverified"
)

// Claim sources: how a claim's status was established.
const (
	// SourceArtefact: a claim rule compared the review with an artefact.
	SourceArtefact = "artefact"
	// SourceImport: the fact was imported (Score, OpenSLO, Backstage) and
	// is verified at the file it came from.
	SourceImport = "import"
	// SourceDerived: the review left the field out and archvet filled it
	// from an artefact, which therefore agrees.
	SourceDerived = "derived"
	// SourceEvidence: a document the review cites (a runbook, a threat
	// model), checked on disk: a non-empty regular file inside the
	// repository is verified; a path outside it, a directory, an empty or
	// missing file contradicts the claim; a URL is unverified (it is never
	// fetched).
	SourceEvidence = "evidence"
)

// Claim is one checkable statement of the review and what the artefacts
// say of it.
type Claim struct {
	// Rule is the id of the claim rule that judged it ("" for a derived
	// fact no rule compares).
	Rule string `json:"rule,omitempty"`
	// Path is the review field, e.g. data_stores[0].backups.point_in_time.
	Path string `json:"path"`
	// Key is Path with list entries by name (the claim's identity).
	Key    string `json:"key,omitempty"`
	Status string `json:"status"`
	// Claimed is the review's value, Observed the artefact's (nil when no
	// artefact speaks to it).
	Claimed  any `json:"claimed"`
	Observed any `json:"observed"`
	// Location is the review field's position (for an imported or derived
	// field, the file it came from).
	Location diag.Range `json:"-"`
	// At is the artefact's position; zero when no artefact speaks to it.
	At diag.Range `json:"-"`
	// Source says how the status was established (SourceArtefact...).
	Source string `json:"source"`
}

// claimRank orders statuses when two rules judge the same field: a
// contradiction is never hidden by an agreement elsewhere.
var claimRank = map[string]int{Unverified: 0, Verified: 1, Contradicted: 2}

// toClaims reads a rule's claims set. Elements that are not objects with
// a path and a known status are ignored: they are a policy's bug, and
// counting them would corrupt the trust figure.
func toClaims(doc *document.Document, r *rules.Rule, v ast.Value) []Claim {
	terms, _ := elements(v)
	out := make([]Claim, 0, len(terms))
	for _, t := range terms {
		obj, ok := t.Value.(ast.Object)
		if !ok {
			continue
		}
		c := Claim{Rule: r.ID, Path: stringAt(obj, "path"), Status: stringAt(obj, "status"), Source: SourceArtefact}
		if _, known := claimRank[c.Status]; !known || c.Path == "" {
			continue
		}
		c.Claimed = jsonOf(obj.Get(ast.StringTerm("claimed")))
		c.Observed = jsonOf(obj.Get(ast.StringTerm("observed")))
		if at, ok := positionAt(obj, "at"); ok {
			c.At = at
		}
		c.Key = doc.Key(c.Path)
		if loc, ok := doc.Index.Locate(c.Path); ok {
			c.Location = loc.Range
		} else {
			c.Location = diag.Range{Filename: doc.Path}
		}
		if c.Status == Unverified && c.Location.Filename != "" && c.Location.Filename != doc.Path && exactIn(doc, c.Path) {
			// Imported from Score, OpenSLO or Backstage: the file it came
			// from states it, so it is verified there.
			c.Status, c.Source, c.At = Verified, SourceImport, c.Location
			if c.Observed == nil {
				c.Observed = c.Claimed
			}
		}
		out = append(out, c)
	}
	sortClaims(out)
	return out
}

// claimStatus is the outcome of a claim rule. A claim rule answers
// nothing on the review's word: it passes only when some artefact (or the
// file a fact was imported from) verified one of its claims. When every
// claim it makes is unverified (no artefact is there, or every fact that
// speaks to it is an expression), it judged nothing, and is not
// applicable: it neither raises completeness nor lowers it, and its
// claims still count, unverified, in the trust figure.
func claimStatus(res RuleResult) Status {
	if res.Status != Pass {
		return res.Status
	}
	for _, c := range res.Claims {
		// Only the rule's own judgement counts: a claim verified at the
		// file it was imported from was not judged by the rule, and the
		// bundle on plain OPA, which cannot see provenance, must agree.
		if c.Source == SourceArtefact && c.Status != Unverified {
			return Pass
		}
	}
	return NotApplicable
}

// exactIn reports whether path itself (not a parent) is indexed.
func exactIn(doc *document.Document, path string) bool {
	_, exact, ok := doc.Index.Resolve(path)
	return ok && exact
}

// jsonOf converts a Rego value to plain Go (nil for null or absent).
func jsonOf(t *ast.Term) any {
	if t == nil {
		return nil
	}
	v, err := ast.JSON(t.Value)
	if err != nil {
		return nil
	}
	if n, ok := v.(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			return i
		}
		f, _ := n.Float64()
		return f
	}
	return v
}

func sortClaims(cs []Claim) {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Path != cs[j].Path {
			return lessPath(cs[i].Path, cs[j].Path)
		}
		return cs[i].Rule < cs[j].Rule
	})
}

// Ledger is a file's claims, one per review field: when several rules
// judge the same field the worst status wins (contradicted, verified,
// unverified), extra claims (the cited documents, EvidenceClaims) join
// them, and a derived field no rule compares is verified by the artefact
// it came from. Sorted by path.
func Ledger(results []RuleResult, derived []Derived, extra ...Claim) []Claim {
	byPath := map[string]int{}
	var out []Claim
	add := func(c Claim) {
		i, seen := byPath[c.Path]
		if !seen {
			byPath[c.Path] = len(out)
			out = append(out, c)
			return
		}
		if claimRank[c.Status] > claimRank[out[i].Status] {
			out[i] = c
		}
	}
	for _, r := range results {
		for _, c := range r.Claims {
			add(c)
		}
	}
	derivedAt := map[string]Derived{}
	for _, d := range derived {
		derivedAt[d.Path] = d
	}
	for i := range out {
		// A rule that compared a derived field with the artefact it was
		// derived from agrees by construction: say where it came from.
		if d, ok := derivedAt[out[i].Path]; ok && out[i].Status == Verified {
			out[i].Source, out[i].At = SourceDerived, d.At
		}
	}
	for _, c := range extra {
		add(c)
	}
	for _, d := range derived {
		if _, seen := byPath[d.Path]; !seen {
			add(Claim{Path: d.Path, Key: d.Key, Status: Verified, Claimed: d.Value, Observed: d.Value, Location: d.At, At: d.At, Source: SourceDerived})
		}
	}
	sortClaims(out)
	return out
}

// evidenceStatus maps an evidence state to a claim status.
var evidenceStatus = map[string]string{
	EvidencePresent: Verified,
	EvidenceMissing: Contradicted, EvidenceOutside: Contradicted, EvidenceNotFile: Contradicted,
	EvidenceEmpty: Contradicted, EvidenceBadURL: Contradicted,
	EvidenceURL: Unverified, EvidenceReference: Unverified, EvidenceUnknown: Unverified,
}

// EvidenceClaims are the documents a review cites, as claims: each cited
// path claims that the document exists (see SourceEvidence).
func EvidenceClaims(doc *document.Document) []Claim {
	ev, _ := doc.Value[EvidenceKey].(map[string]any)
	out := make([]Claim, 0, len(ev))
	for path, v := range ev {
		e, _ := v.(map[string]any)
		ref, _ := e["ref"].(string)
		state, _ := e["state"].(string)
		status, ok := evidenceStatus[state]
		if !ok {
			continue
		}
		c := Claim{Path: path, Key: doc.Key(path), Status: status, Claimed: ref, Observed: state, Source: SourceEvidence, Location: diag.Range{Filename: doc.Path}}
		if loc, ok := doc.Index.Locate(path); ok {
			c.Location = loc.Range
		}
		if state == EvidencePresent {
			// The document itself is the artefact, from its first line.
			start := diag.Pos{Line: 1, Column: 1}
			c.At = diag.Range{Filename: filepath.Join(filepath.Dir(doc.Path), filepath.FromSlash(strings.TrimSpace(ref))), Start: start, End: start}
		}
		out = append(out, c)
	}
	sortClaims(out)
	return out
}

// Trust counts a scope's claims: trust is Verified / Checkable.
type Trust struct {
	Checkable    int `json:"checkable"`
	Verified     int `json:"verified"`
	Contradicted int `json:"contradicted"`
}

// Unverified is the claims no artefact speaks to.
func (t Trust) Unverified() int { return t.Checkable - t.Verified - t.Contradicted }

// Known reports whether the scope has any checkable claim, so a trust figure.
func (t Trust) Known() bool { return t.Checkable > 0 }

// Percent is the trust figure: the share of checkable claims verified,
// 0 to 100 with one decimal (0 when there is no claim; see Known).
func (t Trust) Percent() float64 {
	if t.Checkable == 0 {
		return 0
	}
	return math.Round(1000*float64(t.Verified)/float64(t.Checkable)) / 10
}

// String is the figure as reports print it: "75.0% (6 of 8 claims
// verified, 1 contradicted)", or "no checkable claim".
func (t Trust) String() string {
	if !t.Known() {
		return "no checkable claim"
	}
	s := fmt.Sprintf("%.1f%% (%d of %d claims verified", t.Percent(), t.Verified, t.Checkable)
	if t.Contradicted > 0 {
		s += fmt.Sprintf(", %d contradicted", t.Contradicted)
	}
	return s + ")"
}

func (t *Trust) add(c Claim) {
	t.Checkable++
	switch c.Status {
	case Verified:
		t.Verified++
	case Contradicted:
		t.Contradicted++
	}
}

// trustOf counts a ledger.
func trustOf(ledger []Claim) Trust {
	var t Trust
	for _, c := range ledger {
		t.add(c)
	}
	return t
}

// AddTrust fills the scorecard's trust figures from the file's ledger:
// overall, and per framework over the claims of the rules that map to it
// (a derived field no rule compares counts overall only).
func (sc *Scorecard) AddTrust(results []RuleResult, ledger []Claim) {
	sc.Trust = trustOf(ledger)
	for i := range sc.Frameworks {
		fw := &sc.Frameworks[i]
		var in []RuleResult
		for _, r := range results {
			if r.Rule.In(fw.ID) {
				in = append(in, r)
			}
		}
		fw.Trust = trustOf(Ledger(in, nil))
	}
}

// --- the verification gate ---------------------------------------------------

// DefaultTier0Verified are the claims a tier-0 service must have verified
// by default, when its repository has artefacts archvet reads: its
// backups, its replicas and its authentication.
var DefaultTier0Verified = []string{"backups", "replicas", "authentication"}

// ClaimMatches reports whether a claim is of a gate category (backups,
// replicas, authentication, or any other word): a category names the
// claims whose path has a key containing it, singular or plural, so
// "backups" covers data_stores[].backups.point_in_time and
// "replicas" processes.scaling.min_replicas and
// data_stores[].replication.multi_az (replication holds the stem).
func ClaimMatches(category, path string) bool {
	stem := strings.ToLower(strings.TrimSpace(category))
	stem = strings.TrimSuffix(stem, "s")
	if stem == "" {
		return false
	}
	for _, seg := range strings.FieldsFunc(path, func(r rune) bool { return r == '.' || r == '[' || r == ']' }) {
		if strings.Contains(strings.ToLower(seg), stem) {
			return true
		}
	}
	return false
}

// checkVerified is the gate's verification requirement: every claim of
// each required category must be verified.
func checkVerified(categories []string, ledger []Claim) []string {
	var why []string
	for _, cat := range categories {
		var open []string
		for _, c := range ledger {
			if c.Status != Verified && ClaimMatches(cat, c.Path) {
				open = append(open, fmt.Sprintf("%s is %s", c.Key, c.Status))
			}
		}
		if len(open) > 0 {
			why = append(why, fmt.Sprintf("%d %s claim(s) not verified: %s", len(open), cat, strings.Join(open, ", ")))
		}
	}
	return why
}
