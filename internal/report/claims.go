package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/archvet/archvet/checks"
)

// This file is the claims' part of every format: the trust figure
// (verified ÷ checkable claims) shown beside the score and completeness,
// and the claim ledger of `archvet claims`.

// JSONTrust is a scope's trust figure. Percent is null when the scope has
// no checkable claim.
type JSONTrust struct {
	Checkable    int      `json:"checkable"`
	Verified     int      `json:"verified"`
	Contradicted int      `json:"contradicted"`
	Unverified   int      `json:"unverified"`
	Percent      *float64 `json:"percent"`
}

// JSONClaim is one claim of the ledger: the review field, its status,
// both values and both positions (artefact is null when no artefact
// speaks to it).
type JSONClaim struct {
	Rule     string        `json:"rule,omitempty"`
	Path     string        `json:"path"`
	Key      string        `json:"key,omitempty"`
	Status   string        `json:"status"`
	Source   string        `json:"source"`
	Claimed  any           `json:"claimed"`
	Observed any           `json:"observed"`
	Review   JSONLocation  `json:"review"`
	Artefact *JSONLocation `json:"artefact"`
}

func jsonTrust(t checks.Trust) *JSONTrust {
	jt := &JSONTrust{Checkable: t.Checkable, Verified: t.Verified, Contradicted: t.Contradicted, Unverified: t.Unverified()}
	if t.Known() {
		p := t.Percent()
		jt.Percent = &p
	}
	return jt
}

func jsonClaims(f checks.FileReport) []JSONClaim {
	out := make([]JSONClaim, 0, len(f.Claims))
	for _, c := range f.Claims {
		jc := JSONClaim{Rule: c.Rule, Path: c.Path, Key: c.Key, Status: c.Status, Source: c.Source, Claimed: c.Claimed, Observed: c.Observed}
		jc.Review = locationOf(f.Path, &c.Location)
		if c.At.Filename != "" {
			at := locationOf(f.Path, &c.At)
			jc.Artefact = &at
		}
		out = append(out, jc)
	}
	return out
}

// addTrust puts the trust figures and the ledger into a file's JSON.
func addTrust(jf *JSONFile, f checks.FileReport) {
	jf.Trust = jsonTrust(f.Scorecard.Trust)
	jf.Claims = jsonClaims(f)
	for i := range jf.Frameworks {
		for _, fw := range f.Scorecard.Frameworks {
			if fw.ID == jf.Frameworks[i].ID {
				jf.Frameworks[i].Trust = jsonTrust(fw.Trust)
			}
		}
	}
}

// trustFigure is the trust figure as the human formats print it:
// "87.5%", or "n/a" when there is no checkable claim.
func trustFigure(t checks.Trust) string {
	if !t.Known() {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", t.Percent())
}

// trustSuffix is what a headline adds after the completeness: ", trust
// 87.5%", or nothing when the file has no checkable claim.
func trustSuffix(t checks.Trust, sep string) string {
	if !t.Known() {
		return ""
	}
	return sep + "trust " + trustFigure(t)
}

// trustCounts is the line under a headline: "claims: 7 verified, 1
// contradicted, 2 unverified of 10".
func trustCounts(t checks.Trust) string {
	return fmt.Sprintf("claims: %d verified, %d contradicted, %d unverified of %d", t.Verified, t.Contradicted, t.Unverified(), t.Checkable)
}

// claimFor is the claim a finding of a claim rule is about, if any.
func claimFor(r checks.RuleResult, field string) (checks.Claim, bool) {
	for _, c := range r.Claims {
		if c.Path == field {
			return c, true
		}
	}
	return checks.Claim{}, false
}

// valueText renders a claimed or observed value on one line.
func valueText(v any) string {
	if v == nil {
		return "nothing"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return clean(string(b))
}

// --- archvet claims ----------------------------------------------------------

// ClaimsJSON is the document `archvet claims --format json` writes.
type ClaimsJSON struct {
	Files   []ClaimsFile `json:"files"`
	Summary JSONTrust    `json:"summary"`
}

// ClaimsFile is one review's ledger.
type ClaimsFile struct {
	Path        string           `json:"path"`
	Service     string           `json:"service,omitempty"`
	Broken      bool             `json:"broken,omitempty"`
	Trust       *JSONTrust       `json:"trust,omitempty"`
	Claims      []JSONClaim      `json:"claims"`
	Diagnostics []JSONDiagnostic `json:"diagnostics"`
}

// WriteClaims writes the claim ledgers of a run, as text or json.
func WriteClaims(w io.Writer, rep checks.Report, format string) error {
	if format == "json" {
		return writeClaimsJSON(w, rep)
	}
	p := &printer{w: w, guard: true}
	var total checks.Trust
	for i, f := range rep.Files {
		if i > 0 {
			p.line("")
		}
		if f.Broken {
			for _, d := range f.Diagnostics {
				p.line("%s: %s: %s", where(f.Path, d.Subject), d.Severity, clean(d.Message()))
			}
			p.line("%s: could not be evaluated, so no claim was checked", displayPath(f.Path))
			continue
		}
		t := f.Scorecard.Trust
		total.Checkable += t.Checkable
		total.Verified += t.Verified
		total.Contradicted += t.Contradicted
		p.line("%s: trust %s; %s", displayPath(f.Path), trustFigure(t), trustCounts(t))
		for _, c := range f.Claims {
			p.line("  %-12s %s", c.Status, clean(c.Key))
			detail := "    claimed " + valueText(c.Claimed)
			if c.At.Filename != "" {
				detail += ", observed " + valueText(c.Observed)
			}
			switch c.Source {
			case checks.SourceImport:
				detail += " (imported)"
			case checks.SourceDerived:
				detail += " (derived from the artefact)"
			}
			if c.Rule != "" {
				detail += " [" + clean(c.Rule) + "]"
			}
			p.line("%s", detail)
			p.line("    review   %s", where(f.Path, &c.Location))
			if c.At.Filename != "" {
				p.line("    artefact %s", where(f.Path, &c.At))
			} else {
				p.line("    artefact none speaks to it")
			}
		}
	}
	if len(rep.Files) > 1 {
		p.line("")
		p.line("%d files: trust %s; %s", len(rep.Files), trustFigure(total), trustCounts(total))
	}
	return p.err
}

func writeClaimsJSON(w io.Writer, rep checks.Report) error {
	out := ClaimsJSON{Files: make([]ClaimsFile, 0, len(rep.Files))}
	var total checks.Trust
	for _, f := range rep.Files {
		cf := ClaimsFile{Path: f.Path, Service: f.Service, Broken: f.Broken, Claims: []JSONClaim{}, Diagnostics: []JSONDiagnostic{}}
		for _, d := range f.Diagnostics {
			cf.Diagnostics = append(cf.Diagnostics, JSONDiagnostic{Severity: d.Severity.String(), Message: d.Message(), Location: locationOf(f.Path, d.Subject)})
		}
		if !f.Broken {
			cf.Trust = jsonTrust(f.Scorecard.Trust)
			cf.Claims = jsonClaims(f)
			total.Checkable += f.Scorecard.Trust.Checkable
			total.Verified += f.Scorecard.Trust.Verified
			total.Contradicted += f.Scorecard.Trust.Contradicted
		}
		out.Files = append(out.Files, cf)
	}
	out.Summary = *jsonTrust(total)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// sarifTrust adds the trust figures to a file's run.properties entry.
func sarifTrust(fs *sarifFileScore, jf JSONFile) {
	if jf.Trust == nil {
		return
	}
	fs.Trust = jf.Trust
	fs.FrameworkTrust = map[string]*float64{}
	for _, fw := range jf.Frameworks {
		if fw.Trust != nil {
			fs.FrameworkTrust[fw.ID] = fw.Trust.Percent
		}
	}
}

// sarifClaim adds to a claim rule's result the claim it is about: its
// status and both values.
func sarifClaim(props map[string]any, r checks.RuleResult, fd checks.Finding) {
	c, ok := claimFor(r, fd.Field)
	if !ok {
		return
	}
	props["claim"] = map[string]any{"status": c.Status, "claimed": c.Claimed, "observed": c.Observed}
}

// htmlClaim is one row of the HTML report's claims table.
type htmlClaim struct {
	Status, Band, Key, Claimed, Observed, Review, Artefact string
}

func htmlClaims(f checks.FileReport) (figure, counts string, rows []htmlClaim) {
	t := f.Scorecard.Trust
	if !t.Known() {
		return "", "", nil
	}
	for _, c := range f.Claims {
		row := htmlClaim{Status: c.Status, Key: clean(c.Key), Claimed: valueText(c.Claimed), Observed: "–", Review: where(f.Path, &c.Location), Artefact: "none speaks to it"}
		switch c.Status {
		case checks.Verified:
			row.Band = "ready"
		case checks.Contradicted:
			row.Band = "notready"
		default:
			row.Band = "na"
		}
		if c.At.Filename != "" {
			row.Observed, row.Artefact = valueText(c.Observed), where(f.Path, &c.At)
		}
		rows = append(rows, row)
	}
	return trustFigure(t), trustCounts(t), rows
}
