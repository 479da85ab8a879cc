package report

import (
	"crypto/sha256"
	"encoding/hex"
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

// sarifSchemaURI is the $schema of every log: the OASIS 2.1.0 schema.
const sarifSchemaURI = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json"

// sarifMaxResults is how many results one run carries: GitHub code
// scanning accepts at most 25,000 results per run and rejects the upload
// beyond. Results past it are left out, in file order, and a
// toolExecutionNotification says how many (by level); every finding is in
// the JSON report.
const sarifMaxResults = 25000

func (s sarifFormatter) Format(w io.Writer, rep checks.Report) error {
	st := s.newStream(w, catalogueRules(s.opts, rep))
	return formatAll(st, rep)
}

// Stream writes the log once the run is over. The parts that follow the
// rule list (results, notifications, per-file scores) are rendered a
// file at a time into spools, so the run holds the rules it has seen and
// the totals, never every file's results.
func (s sarifFormatter) Stream(w io.Writer) Stream {
	var rs []*rules.Rule
	if s.opts.Catalogue != nil {
		rs = s.opts.Catalogue.Rules
	}
	return s.newStream(w, rs)
}

func (s sarifFormatter) newStream(w io.Writer, catalogue []*rules.Rule) *sarifStream {
	st := &sarifStream{opts: s.opts, w: w, index: map[string]int{}, sum: newSummary(),
		results: newSpool(), notes: newSpool(), files: newSpool(), dropped: map[string]int{}}
	for _, r := range catalogue {
		st.ruleIndex(r)
	}
	return st
}

type sarifStream struct {
	opts    Options
	w       io.Writer
	enc     jsonWriter
	rules   []*rules.Rule
	index   map[string]int
	sum     JSONSummary
	broken  bool
	results *spool // the elements of run.results
	notes   *spool // the elements of invocations[0].toolExecutionNotifications
	files   *spool // the elements of run.properties.archvet.files
	nResult int
	nNote   int
	nFile   int
	dropped map[string]int // results past sarifMaxResults, by level
	// system is the system summary of run.properties.archvet.system
	// (sarif_system.go); its findings are results like any other.
	system *sarifSystem
}

// Indentation of the elements of results, of notifications and of the
// per-file scores in the document json.Encoder would write.
const (
	sarifResultIndent = "        "
	sarifNoteIndent   = "            "
	sarifFileIndent   = "            "
)

func (s *sarifStream) ruleIndex(r *rules.Rule) int {
	if i, ok := s.index[r.ID]; ok {
		return i
	}
	s.index[r.ID] = len(s.rules)
	s.rules = append(s.rules, r)
	return s.index[r.ID]
}

// element writes v as the next element of an array held in sp.
func (s *sarifStream) element(sp *spool, n *int, v any, indent string) {
	b := s.enc.indented(v, indent)
	if s.enc.err != nil {
		return
	}
	if *n > 0 {
		sp.WriteString(",\n" + indent)
	} else {
		sp.WriteString(indent)
	}
	*n++
	sp.Write(b)
}

func (s *sarifStream) File(f checks.FileReport) error {
	s.sum.add(f)
	if f.Broken {
		s.broken = true
	}
	for _, r := range f.Results {
		if r.Rule == nil {
			continue
		}
		for i, fd := range r.Findings {
			if s.nResult >= sarifMaxResults {
				s.dropped[sarifLevel(r.Rule.Severity)]++
				continue
			}
			res := sarifResult(f, r, fd, s.ruleIndex(r.Rule))
			if st := s.opts.Baseline.state(f, r, i); st != "" {
				res.WithBaselineState(st)
			}
			s.element(s.results, &s.nResult, res, sarifResultIndent)
		}
	}
	for _, d := range f.Diagnostics {
		s.element(s.notes, &s.nNote, sarifNotification(f, d), sarifNoteIndent)
	}
	jf := buildFile(f)
	fs := sarifFileScore{Path: RelativePath(jf.Path), Service: jf.Service, Tier: jf.Tier, Score: jf.Score, Verdict: jf.Verdict, Gate: jf.Gate, Frameworks: map[string]*float64{}}
	for _, fw := range jf.Frameworks {
		fs.Frameworks[fw.ID] = fw.Score
	}
	sarifTrust(&fs, jf)
	s.element(s.files, &s.nFile, fs, sarifFileIndent)
	return s.enc.err
}

func (s *sarifStream) Close() error {
	defer s.results.Close()
	defer s.notes.Close()
	defer s.files.Close()
	if len(s.dropped) > 0 {
		var parts []string
		total := 0
		for _, level := range []string{"error", "warning", "note"} {
			if n := s.dropped[level]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, level))
				total += n
			}
		}
		n := sarif.NewNotification()
		n.Level = "warning"
		n.Message = sarif.NewTextMessage(fmt.Sprintf("%d more results (%s) are not in this log: GitHub code scanning accepts %d results per run; the JSON report has every finding", total, strings.Join(parts, ", "), sarifMaxResults))
		s.element(s.notes, &s.nNote, n, sarifNoteIndent)
	}
	driver := sarif.NewDriver("archvet").WithInformationURI(sarifInformationURI)
	if s.opts.Version != "" {
		driver.WithVersion(s.opts.Version)
	}
	for _, r := range s.rules {
		driver.Rules = append(driver.Rules, sarifRule(r))
	}
	out := jsonWriter{w: s.w}
	out.raw("{\n  \"version\": \"2.1.0\",\n  \"$schema\": ")
	out.value(sarifSchemaURI, "  ")
	out.raw(",\n  \"runs\": [\n    {\n      \"tool\": ")
	out.value(sarif.Tool{Driver: driver}, "      ")
	ok := !s.broken
	code := s.sum.ExitCode
	out.raw(",\n      \"invocations\": [\n        {\n          \"executionSuccessful\": ")
	out.value(ok, "")
	out.raw(",\n          \"exitCode\": ")
	out.value(code, "")
	if s.nNote > 0 {
		out.raw(",\n          \"toolExecutionNotifications\": [\n")
		s.copy(&out, s.notes)
		out.raw("\n          ]")
	}
	out.raw("\n        }\n      ],\n      \"results\": ")
	s.array(&out, s.results, s.nResult, "      ")
	out.raw(",\n      \"automationDetails\": ")
	out.value(sarif.NewRunAutomationDetails().WithID(sarifAutomationID), "      ")
	out.raw(",\n      \"properties\": {\n        \"archvet\": {\n          \"files\": ")
	s.array(&out, s.files, s.nFile, "          ")
	out.raw(",\n          \"summary\": ")
	out.value(summaryWith(s.sum, s.opts), "          ")
	if s.system != nil {
		out.raw(",\n          \"system\": ")
		out.value(s.system, "          ")
	}
	out.raw("\n        }\n      }\n    }\n  ]\n}\n")
	if s.enc.err != nil {
		return s.enc.err
	}
	return out.err
}

// array writes a spooled array of n elements; indent is that of the line
// holding its key.
func (s *sarifStream) array(out *jsonWriter, sp *spool, n int, indent string) {
	if n == 0 {
		out.raw("[]")
		return
	}
	out.raw("[\n")
	s.copy(out, sp)
	out.raw("\n" + indent + "]")
}

func (s *sarifStream) copy(out *jsonWriter, sp *spool) {
	if out.err == nil {
		out.err = sp.CopyTo(out.w)
	}
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
	fmt.Fprintf(&b, "**%s** (%s)\n\n%s\n\n**How to fix.** %s", mdEscape(r.Title), r.Severity, mdEscape(r.Description), mdEscape(r.Remediation))
	if len(r.References) > 0 {
		b.WriteString("\n\n**References**\n")
		for _, ref := range r.References {
			label := ref.Description
			if label == "" {
				label = ref.URL
			}
			fmt.Fprintf(&b, "\n- [%s](%s)", mdEscape(label), ref.URL)
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

func sarifResult(f checks.FileReport, r checks.RuleResult, fd checks.Finding, ruleIndex int) *sarif.Result {
	res := sarif.NewRuleResult(r.Rule.ID).
		WithRuleIndex(ruleIndex).
		WithLevel(sarifLevel(r.Rule.Severity)).
		WithMessage(sarif.NewTextMessage(fd.Message))
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(sarifURI(findingPath(f, fd))))
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
	for i, rl := range fd.Related {
		res.RelatedLocations = append(res.RelatedLocations, sarifRelated(f, rl, i))
	}
	fp := FindingFingerprint(f, r, fd)
	res.PartialFingerprints = map[string]interface{}{FingerprintKey: fp}
	props := sarif.Properties{"severity": r.Rule.Severity.String()}
	if fd.Field != "" {
		props["field"] = fd.Field
		props["key"] = fd.Key
		props["exact"] = fd.Exact
	}
	status := findingStatus(r, fd)
	props["status"] = string(status)
	sarifClaim(props, r, fd)
	if status == checks.Unanswered {
		// An open question is not a defect: SARIF's "review" kind is a
		// result a person must look at, reported at level note.
		res.WithKind("review").WithLevel("note")
	} else if status != checks.Fail {
		// Waived (or otherwise accepted) findings stay in the log, marked
		// as suppressed so code scanning shows them as dismissed.
		res.AddSuppression(sarifSuppression(fd, status, fp, loc))
	}
	res.Properties = props
	return res
}

// sarifRelated is one of a finding's related locations: the other review
// of a system finding, the design's own claim of a finding shown at an
// artefact. Code scanning links them from the alert.
func sarifRelated(f checks.FileReport, rl checks.Related, i int) *sarif.Location {
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(sarifURI(RelativePath(diagPath(f.Path, &rl.Location)))))
	if rl.Location.Start.Known() {
		region := sarif.NewRegion().WithStartLine(rl.Location.Start.Line)
		if rl.Location.Start.Column > 0 {
			region.WithStartColumn(rl.Location.Start.Column)
		}
		phys.WithRegion(region)
	}
	return sarif.NewLocationWithPhysicalLocation(phys).WithId(i).WithMessage(sarif.NewTextMessage(rl.Message))
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

// sarifNotification is a problem with the input, as a tool execution
// notification at its position.
func sarifNotification(f checks.FileReport, d diag.Diagnostic) *sarif.Notification {
	n := sarif.NewNotification()
	n.Level = "error"
	if d.Severity == diag.Warning {
		n.Level = "warning"
	}
	n.Message = sarif.NewTextMessage(d.Message())
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(sarifURI(RelativePath(diagPath(f.Path, d.Subject)))))
	if d.Subject != nil && d.Subject.Start.Known() {
		region := sarif.NewRegion().WithStartLine(d.Subject.Start.Line)
		if d.Subject.Start.Column > 0 {
			region.WithStartColumn(d.Subject.Start.Column)
		}
		phys.WithRegion(region)
	}
	n.Locations = []*sarif.Location{sarif.NewLocationWithPhysicalLocation(phys)}
	return n
}

// sarifURI writes a slash-separated path as the URI reference SARIF's
// artifactLocation.uri must be (RFC 3986): every byte outside the
// unreserved characters, the sub-delimiters, "@" and "/" is
// percent-encoded, "%" and ":" included (a colon in the first segment
// would read as a scheme). An absolute path becomes a file: URI.
func sarifURI(p string) string {
	var b strings.Builder
	if strings.HasPrefix(p, "/") {
		b.WriteString("file://")
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~!$&'()*+,;=@/", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
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
	// Trust and FrameworkTrust are the trust figures (claims.go).
	Trust          *JSONTrust          `json:"trust,omitempty"`
	FrameworkTrust map[string]*float64 `json:"framework_trust,omitempty"`
}

func strPtr(s string) *string { return &s }
