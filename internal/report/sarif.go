package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/rules"
)

// sarifFormatter writes SARIF 2.1.0 as GitHub code scanning reads it: one
// reportingDescriptor per catalogue rule, one result per finding, located
// at the field, with a fingerprint that survives lines moving. Scores and
// verdicts, which SARIF has no place for, go in run.properties.
type sarifFormatter struct{ opts Options }

// sarifInformationURI is where the tool's documentation lives.
const sarifInformationURI = "https://github.com/archvet/archvet"

// sarifAutomationID names archvet's analysis among the others uploaded for
// a commit (GitHub's "category").
const sarifAutomationID = "archvet/"

func (s sarifFormatter) Format(w io.Writer, rep checks.Report) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	driver := sarif.NewDriver("archvet").WithInformationURI(sarifInformationURI)
	if s.opts.Version != "" {
		driver.WithVersion(s.opts.Version)
	}
	run := sarif.NewRun(sarif.Tool{Driver: driver})
	run.WithAutomationDetails(sarif.NewRunAutomationDetails().WithID(sarifAutomationID))

	index := map[string]int{}
	ruleIndex := func(r *rules.Rule) int {
		if i, ok := index[r.ID]; ok {
			return i
		}
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule(r))
		return index[r.ID]
	}
	for _, r := range catalogueRules(s.opts, rep) {
		ruleIndex(r)
	}

	for _, f := range rep.Files {
		uri := RelativePath(f.Path)
		for _, r := range f.Results {
			if r.Rule == nil {
				continue
			}
			for i, fd := range r.Findings {
				res := sarifResult(f, r, i, fd, uri, ruleIndex(r.Rule))
				if st := s.opts.Baseline.state(f, r, i); st != "" {
					res.WithBaselineState(st)
				}
				run.Results = append(run.Results, res)
			}
		}
	}
	run.Invocations = []*sarif.Invocation{sarifInvocation(rep)}
	run.Properties = sarifRunProperties(BuildWith(rep, s.opts))
	log.AddRun(run)

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifRule describes one catalogue rule for code scanning's rule view.
func sarifRule(r *rules.Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(r.ID).
		WithShortDescription(sarif.NewMultiformatMessageString(r.Title)).
		WithFullDescription(sarif.NewMultiformatMessageString(oneLine(r.Description))).
		WithTextHelp(ruleHelpText(r)).
		WithMarkdownHelp(ruleHelpMarkdown(r))
	if len(r.References) > 0 {
		d.WithHelpURI(r.References[0].URL)
	}
	d.DefaultConfiguration = &sarif.ReportingConfiguration{Level: sarifLevel(r.Severity)}
	props := sarif.Properties{"tags": ruleTags(r), "severity": r.Severity.String()}
	if r.Level != "" {
		props["maturity-level"] = r.Level
	}
	if isSecurityRule(r) {
		props["security-severity"] = securitySeverity(r.Severity)
	}
	d.Properties = props
	return d
}

func ruleHelpText(r *rules.Rule) string {
	var b strings.Builder
	b.WriteString(oneLine(r.Remediation))
	if len(r.References) > 0 {
		b.WriteString("\n\nReferences:")
		for _, ref := range r.References {
			b.WriteString("\n- ")
			if ref.Description != "" {
				b.WriteString(ref.Description + ": ")
			}
			b.WriteString(ref.URL)
		}
	}
	return b.String()
}

func ruleHelpMarkdown(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s)\n\n%s\n\n**How to fix.** %s", mdText(r.Title), r.Severity, mdText(oneLine(r.Description)), mdText(oneLine(r.Remediation)))
	if len(r.References) > 0 {
		b.WriteString("\n\n**References**\n")
		for _, ref := range r.References {
			label := ref.Description
			if label == "" {
				label = ref.URL
			}
			fmt.Fprintf(&b, "\n- [%s](%s)", mdText(label), ref.URL)
		}
	}
	return b.String()
}

// ruleTags are code scanning's filters: the severity, each framework, and
// each framework category, plus "security" for security rules.
func ruleTags(r *rules.Rule) []string {
	tags := []string{"architecture", r.Severity.String()}
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	for _, m := range r.Frameworks {
		add(m.Framework)
	}
	for _, m := range r.Frameworks {
		add(m.Framework + "/" + m.Category)
	}
	if isSecurityRule(r) {
		add("security")
	}
	return tags
}

// isSecurityRule reports whether a rule belongs to a security category;
// only those carry a security-severity, which makes GitHub file them as
// security alerts.
func isSecurityRule(r *rules.Rule) bool {
	for _, m := range r.Frameworks {
		if m.Category == "security" {
			return true
		}
	}
	return false
}

// securitySeverity places a severity in the middle of GitHub's CVSS-like
// bands (critical ≥ 9, high 7-8.9, medium 4-6.9, low below 4).
func securitySeverity(s rules.Severity) string {
	switch s {
	case rules.Critical:
		return "9.5"
	case rules.High:
		return "8.0"
	case rules.Medium:
		return "5.5"
	}
	return "3.0"
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Critical, rules.High:
		return "error"
	case rules.Medium:
		return "warning"
	}
	return "note"
}

func sarifResult(f checks.FileReport, r checks.RuleResult, i int, fd checks.Finding, uri string, ruleIndex int) *sarif.Result {
	res := sarif.NewRuleResult(r.Rule.ID).
		WithRuleIndex(ruleIndex).
		WithLevel(sarifLevel(r.Rule.Severity)).
		WithMessage(sarif.NewTextMessage(fd.Message))
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri))
	if fd.Location.Start.Known() {
		region := sarif.NewRegion().WithStartLine(fd.Location.Start.Line)
		if fd.Location.Start.Column > 0 {
			region.WithStartColumn(fd.Location.Start.Column)
		}
		phys.WithRegion(region)
	}
	loc := sarif.NewLocationWithPhysicalLocation(phys)
	if fd.Field != "" {
		loc.LogicalLocations = []*sarif.LogicalLocation{{FullyQualifiedName: &fd.Field, Kind: strPtr("member")}}
	}
	res.AddLocation(loc)
	fp := Fingerprint(uri, r.Rule.ID, fd.Key)
	res.PartialFingerprints = map[string]interface{}{FingerprintKey: fp}
	props := sarif.Properties{"severity": r.Rule.Severity.String()}
	if fd.Field != "" {
		props["field"] = fd.Field
		props["key"] = fd.Key
		props["exact"] = fd.Exact
	}
	status := findingStatus(r, fd)
	props["status"] = string(status)
	if status != checks.Fail {
		// Waived (or otherwise accepted) findings stay in the log, marked
		// as suppressed so code scanning shows them as dismissed.
		res.AddSuppression(sarifSuppression(fd, status, fp, loc))
	}
	res.Properties = props
	return res
}

// sarifSuppression records an accepted finding. The schema wants every
// member present, so the guid is derived from the fingerprint: stable
// across runs, unique per finding.
func sarifSuppression(fd checks.Finding, status checks.Status, fp string, loc *sarif.Location) *sarif.Suppression {
	why := statusLabel(status)
	if w := fd.Waiver; w != nil {
		why = fmt.Sprintf("waived by %s until %s: %s", w.ApprovedBy, w.Expires, oneLine(w.Reason))
	}
	s := sarif.NewSuppression("external").WithStatus("accepted").WithLocation(loc).WithGuid(guidOf(fp + "/" + string(status)))
	s.Justification = &why
	return s
}

// guidOf shapes a hash as a GUID.
func guidOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	h := hex.EncodeToString(sum[:])
	return fmt.Sprintf("%s-%s-4%s-8%s-%s", h[0:8], h[8:12], h[13:16], h[17:20], h[20:32])
}

func sarifInvocation(rep checks.Report) *sarif.Invocation {
	ok := true
	for _, f := range rep.Files {
		if f.Broken {
			ok = false
		}
	}
	inv := sarif.NewInvocation()
	inv.ExecutionSuccessful = &ok
	code := rep.ExitCode()
	inv.ExitCode = &code
	for _, f := range rep.Files {
		for _, d := range f.Diagnostics {
			n := sarif.NewNotification()
			n.Level = "error"
			if d.Severity == diag.Warning {
				n.Level = "warning"
			}
			n.Message = sarif.NewTextMessage(d.Message())
			phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(RelativePath(diagPath(f.Path, d.Subject))))
			if d.Subject != nil && d.Subject.Start.Known() {
				region := sarif.NewRegion().WithStartLine(d.Subject.Start.Line)
				if d.Subject.Start.Column > 0 {
					region.WithStartColumn(d.Subject.Start.Column)
				}
				phys.WithRegion(region)
			}
			n.Locations = []*sarif.Location{sarif.NewLocationWithPhysicalLocation(phys)}
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
		}
	}
	return inv
}

func diagPath(file string, r *diag.Range) string {
	if r != nil && r.Filename != "" {
		return r.Filename
	}
	return file
}

// sarifFileScore is one file's scores and verdict in run.properties.
type sarifFileScore struct {
	Path       string              `json:"path"`
	Service    string              `json:"service,omitempty"`
	Tier       *int                `json:"tier,omitempty"`
	Score      *float64            `json:"score"`
	Verdict    string              `json:"verdict"`
	Gate       JSONGate            `json:"gate"`
	Frameworks map[string]*float64 `json:"frameworks"`
}

func sarifRunProperties(model JSONReport) sarif.Properties {
	files := make([]sarifFileScore, 0, len(model.Files))
	for _, f := range model.Files {
		fs := sarifFileScore{Path: RelativePath(f.Path), Service: f.Service, Tier: f.Tier, Score: f.Score, Verdict: f.Verdict, Gate: f.Gate, Frameworks: map[string]*float64{}}
		for _, fw := range f.Frameworks {
			fs.Frameworks[fw.ID] = fw.Score
		}
		files = append(files, fs)
	}
	return sarif.Properties{"archvet": map[string]any{"files": files, "summary": model.Summary}}
}

func strPtr(s string) *string { return &s }
