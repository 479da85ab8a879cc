package report

import (
	"embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/rules"
)

// htmlFormatter writes one self-contained page for a pre-launch readiness
// meeting: the verdict first, the scores as a chart, the findings grouped
// by framework with their fixes, and the accepted risks. It loads nothing
// from the network (styles inline, chart drawn as inline SVG) and prints
// cleanly on paper.
type htmlFormatter struct{ opts Options }

type htmlPage struct {
	Title    string
	Version  string
	Many     bool
	Summary  JSONSummary
	Baseline *Baseline
}

type htmlFile struct {
	Anchor       string
	Path         string
	Service      string
	Tier         int
	Broken       bool
	Diagnostics  []string
	Score        string
	Verdict      string
	VerdictText  string
	Band         string
	GatePassed   bool
	GateReasons  []string
	Counts       checks.Tally
	Maturity     *JSONMaturity
	Chart        htmlChart
	Frameworks   []htmlFramework
	Groups       []htmlGroup
	Waivers      []htmlWaiver
	Questions    []htmlWaiver
	Completeness string
	// Trust is the trust figure and Claims the ledger (claims.go).
	Trust       string
	TrustCounts string
	Claims      []htmlClaim
	Findings    int
	BySeverity  []htmlCount
}

type htmlCount struct {
	Severity string
	N        int
}

type htmlFramework struct {
	Name, Score, Band string
	Tally             checks.Tally
	Weakest           string
}

type htmlGroup struct {
	Name  string
	Rules []htmlRule
}

type htmlRule struct {
	ID, Title, Severity, Also string
	Remediation               template.HTML
	Findings                  []htmlFinding
	References                []rules.Reference
}

type htmlFinding struct {
	Where, Message, Status string
	New                    bool
	Related                []htmlRelated
}

// htmlRelated is a related location of a finding: the other review, the
// design's claim.
type htmlRelated struct {
	Where, Message string
}

type htmlWaiver struct {
	ID, Title, Where, Message, ApprovedBy, Expires, Reason, Status string
}

// htmlChart is a horizontal bar chart laid out in Go, so the template only
// places shapes and the page needs no script.
type htmlChart struct {
	Width, Height int
	BarX, BarW    int
	Rows          []htmlBar
	Marks         []htmlMark
	Title         string
}

type htmlBar struct {
	Label, Value, Band string
	Heading            bool
	Y, TextY           int
	W                  string
}

type htmlMark struct {
	X     string
	Label string
}

const (
	chartWidth    = 760
	chartLabelW   = 250
	chartBarW     = 420
	chartRow      = 26
	chartBarH     = 16
	chartTop      = 22
	chartPillarFW = "well-architected"
)

func (h htmlFormatter) Format(w io.Writer, rep checks.Report) error {
	return formatAll(h.Stream(w), rep)
}

// Stream renders each file's section and its row of the summary table
// when the file comes, into spools; Close writes the page's head, whose
// title and totals need the whole run, then the spooled parts.
func (h htmlFormatter) Stream(w io.Writer) Stream {
	return &htmlStream{h: h, w: w, sum: newSummary(), rows: newSpool(), sections: newSpool()}
}

type htmlStream struct {
	h        htmlFormatter
	w        io.Writer
	sum      JSONSummary
	n        int
	first    string // the first file's name, the title of a one-file page
	rows     *spool
	sections *spool
	// anchors maps each file's path to its section's anchor, and system
	// is the system section (html_system.go), written first.
	anchors map[string]string
	system  *htmlSystem
}

func (s *htmlStream) File(f checks.FileReport) error {
	jf := buildFile(f)
	hf := s.h.file(s.n, f, jf)
	if s.anchors == nil {
		s.anchors = map[string]string{}
	}
	s.anchors[f.Path] = hf.Anchor
	if s.n == 0 {
		s.first = hf.Service
	}
	s.n++
	s.sum.add(f)
	if err := htmlTemplate.ExecuteTemplate(s.rows, "row", hf); err != nil {
		return err
	}
	return htmlTemplate.ExecuteTemplate(s.sections, "file", hf)
}

func (s *htmlStream) Close() error {
	defer s.rows.Close()
	defer s.sections.Close()
	page := htmlPage{Title: "archvet readiness report", Version: s.h.opts.Version, Many: s.n > 1, Summary: summaryWith(s.sum, s.h.opts), Baseline: s.h.opts.Baseline}
	if s.n == 1 {
		page.Title = "Readiness review: " + s.first
	}
	if err := htmlTemplate.ExecuteTemplate(s.w, "head", page); err != nil {
		return err
	}
	if s.system != nil {
		if err := htmlSystemTemplate.Execute(s.w, s.system); err != nil {
			return err
		}
	}
	if page.Many {
		if err := htmlTemplate.ExecuteTemplate(s.w, "navhead", page); err != nil {
			return err
		}
		if err := s.rows.CopyTo(s.w); err != nil {
			return err
		}
		if err := htmlTemplate.ExecuteTemplate(s.w, "navfoot", page); err != nil {
			return err
		}
	}
	if err := s.sections.CopyTo(s.w); err != nil {
		return err
	}
	return htmlTemplate.ExecuteTemplate(s.w, "foot", page)
}

func (h htmlFormatter) file(i int, f checks.FileReport, jf JSONFile) htmlFile {
	hf := htmlFile{Anchor: fmt.Sprintf("file-%d", i+1), Path: clean(f.Path), Service: clean(serviceName(f)), Tier: f.Tier, Broken: f.Broken}
	for _, d := range f.Diagnostics {
		hf.Diagnostics = append(hf.Diagnostics, clean(diagLine(f.Path, d)))
	}
	if f.Broken {
		hf.Verdict, hf.Band, hf.VerdictText = "error", "notready", "the file could not be evaluated"
		return hf
	}
	sc := f.Scorecard
	hf.Score = fmt.Sprintf("%.1f", sc.Overall.Score())
	hf.Verdict, hf.VerdictText, hf.Band = string(f.Verdict), f.Verdict.Describe(), verdictBand(f.Verdict)
	hf.GatePassed = len(f.GateFailures) == 0
	for _, g := range f.GateFailures {
		hf.GateReasons = append(hf.GateReasons, clean(g))
	}
	hf.Counts = sc.Overall
	hf.Maturity = jf.Maturity
	hf.Chart = scoreChart(sc)
	for _, fw := range sc.Frameworks {
		row := htmlFramework{Name: fw.Name, Score: "n/a", Band: "na", Tally: fw.Tally}
		if fw.Applicable() {
			row.Score, row.Band = fmt.Sprintf("%.1f", fw.Score()), scoreBand(fw.Score())
		}
		var weak []string
		for _, c := range fw.Categories {
			if c.Failed > 0 {
				weak = append(weak, fmt.Sprintf("%s %.0f", c.ID, c.Score()))
			}
		}
		row.Weakest = strings.Join(weak, ", ")
		hf.Frameworks = append(hf.Frameworks, row)
	}
	hf.Completeness = fmt.Sprintf("%.1f", sc.Overall.Completeness())
	hf.Trust, hf.TrustCounts, hf.Claims = htmlClaims(f)
	hf.Groups, hf.Waivers, hf.Findings = h.findings(f)
	for _, r := range f.Results {
		if r.Rule == nil || r.Status != checks.Unanswered {
			continue
		}
		for _, fd := range r.Findings {
			if findingStatus(r, fd) == checks.Unanswered {
				hf.Questions = append(hf.Questions, htmlWaiver{ID: clean(r.Rule.ID), Title: clean(r.Rule.Title), Where: where(f.Path, &fd.Location), Message: clean(fd.Message)})
			}
		}
	}
	counts := map[string]int{}
	for _, g := range hf.Groups {
		for _, r := range g.Rules {
			counts[r.Severity] += len(r.Findings)
		}
	}
	for _, sev := range severities {
		if n := counts[sev.String()]; n > 0 {
			hf.BySeverity = append(hf.BySeverity, htmlCount{Severity: sev.String(), N: n})
		}
	}
	return hf
}

// findings groups failed rules under their first framework, most severe
// first, and collects waived findings for their own section.
func (h htmlFormatter) findings(f checks.FileReport) ([]htmlGroup, []htmlWaiver, int) {
	byFW := map[string][]htmlRule{}
	var waivers []htmlWaiver
	count := 0
	for _, r := range f.Results {
		if r.Rule == nil || len(r.Findings) == 0 {
			continue
		}
		hr := htmlRule{ID: clean(r.Rule.ID), Title: clean(r.Rule.Title), Severity: r.Rule.Severity.String(), Remediation: htmlProse(r.Rule.Remediation), References: r.Rule.References}
		for i, fd := range r.Findings {
			st := findingStatus(r, fd)
			at := where(f.Path, &fd.Location)
			if st == checks.Waived {
				hw := htmlWaiver{ID: clean(r.Rule.ID), Title: clean(r.Rule.Title), Where: at, Message: clean(fd.Message), Status: statusLabel(st)}
				if w := fd.Waiver; w != nil {
					hw.ApprovedBy, hw.Expires, hw.Reason = clean(w.ApprovedBy), clean(w.Expires), clean(oneLine(w.Reason))
				}
				waivers = append(waivers, hw)
				continue
			}
			if st == checks.Unanswered {
				continue // listed under Open questions
			}
			hf := htmlFinding{Where: at, Message: clean(fd.Message), New: h.opts.Baseline.state(f, r, i) == baselineNew}
			for _, rl := range fd.Related {
				hf.Related = append(hf.Related, htmlRelated{Where: where(f.Path, &rl.Location), Message: clean(rl.Message)})
			}
			if st != checks.Fail {
				hf.Status = statusLabel(st)
			}
			hr.Findings = append(hr.Findings, hf)
			count++
		}
		if len(hr.Findings) == 0 {
			continue
		}
		var mapped []string
		for _, m := range r.Rule.Frameworks {
			mapped = append(mapped, frameworkName(m.Framework)+" / "+categoryLabel(m.Category))
		}
		hr.Also = strings.Join(mapped, " · ")
		home := homeFramework(r.Rule)
		byFW[home] = append(byFW[home], hr)
	}
	var groups []htmlGroup
	order := append([]rules.Framework{}, rules.Frameworks...)
	order = append(order, rules.Framework{ID: "", Name: "Other rules"})
	for _, fw := range order {
		list := byFW[fw.ID]
		if len(list) == 0 {
			continue
		}
		sort.SliceStable(list, func(i, j int) bool { return severityRank(list[i].Severity) > severityRank(list[j].Severity) })
		groups = append(groups, htmlGroup{Name: fw.Name, Rules: list})
	}
	return groups, waivers, count
}

// homeFramework is the checklist a rule was written for: the folder of
// its policy (policies/ideals/… is an IDEALS rule), else its first
// mapping. A rule is listed once, under its home, with every mapping shown.
func homeFramework(r *rules.Rule) string {
	pkg := strings.TrimPrefix(r.Package, rules.RulesPrefix)
	if i := strings.Index(pkg, "."); i > 0 {
		if fw, ok := rules.FrameworkByID(strings.ReplaceAll(pkg[:i], "_", "-")); ok {
			return fw.ID
		}
	}
	if len(r.Frameworks) > 0 {
		return r.Frameworks[0].Framework
	}
	return ""
}

func severityRank(s string) int {
	sev, err := rules.ParseSeverity(s)
	if err != nil {
		return 0
	}
	return int(sev)
}

// htmlProse renders catalogue text: escaped, with `code` spans kept as
// code, since remediation names the fields to set.
func htmlProse(s string) template.HTML {
	parts := strings.Split(oneLine(clean(s)), "`")
	var b strings.Builder
	for i, p := range parts {
		// An odd number of backticks leaves the last one unpaired: text.
		if i%2 == 1 && i < len(parts)-1 {
			b.WriteString("<code>" + html.EscapeString(p) + "</code>")
			continue
		}
		if i%2 == 1 {
			b.WriteString("`")
		}
		b.WriteString(html.EscapeString(p))
	}
	return template.HTML(b.String())
}

func frameworkName(id string) string {
	if fw, ok := rules.FrameworkByID(id); ok {
		return fw.Name
	}
	return id
}

// scoreChart lays out the overall score, each framework's, and each
// Well-Architected pillar's as bars, with the verdict's score bands marked.
func scoreChart(sc checks.Scorecard) htmlChart {
	c := htmlChart{Width: chartWidth, BarX: chartLabelW, BarW: chartBarW, Title: "Scores out of 100"}
	y := chartTop
	bar := func(label string, t checks.Tally) {
		b := htmlBar{Label: label, Y: y + (chartRow-chartBarH)/2, TextY: y + chartRow/2 + 5, Value: "n/a", Band: "na", W: fmt.Sprint(chartBarW)}
		if t.Applicable() {
			s := t.Score()
			b.Value, b.Band, b.W = fmt.Sprintf("%.1f", s), scoreBand(s), fmt.Sprintf("%.1f", s*chartBarW/100)
		}
		c.Rows = append(c.Rows, b)
		y += chartRow
	}
	heading := func(label string) {
		y += 6
		c.Rows = append(c.Rows, htmlBar{Label: label, Heading: true, TextY: y + chartRow/2 + 5})
		y += chartRow
	}
	bar("Overall", sc.Overall)
	heading("Frameworks")
	for _, fw := range sc.Frameworks {
		bar(fw.Name, fw.Tally)
	}
	for _, fw := range sc.Frameworks {
		if fw.ID != chartPillarFW {
			continue
		}
		heading(fw.Name + " pillars")
		for _, cat := range fw.Categories {
			bar(categoryLabel(cat.ID), cat.Tally)
		}
	}
	c.Height = y + 8
	for _, v := range []float64{75, 90} {
		c.Marks = append(c.Marks, htmlMark{X: fmt.Sprintf("%.1f", chartLabelW+v*chartBarW/100), Label: fmt.Sprintf("%.0f", v)})
	}
	return c
}

// categoryLabel turns an id such as operational-excellence into
// "Operational excellence".
func categoryLabel(id string) string {
	s := strings.ReplaceAll(id, "-", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func scoreBand(s float64) string {
	switch {
	case s >= 90:
		return "ready"
	case s >= 75:
		return "conditional"
	}
	return "notready"
}

func verdictBand(v checks.Verdict) string {
	switch v {
	case checks.Ready:
		return "ready"
	case checks.Conditional:
		return "conditional"
	}
	return "notready"
}

// htmlStyle holds html.css, the page's style sheet: a file of its own, so
// it is read and edited as CSS. The head writes it inside <style> as the
// template html.css, so it has no actions; html/template passes its text
// through unchanged (but for CSS comments, which it drops).
//
//go:embed html.css
var htmlStyle embed.FS

var htmlTemplate = template.Must(template.Must(template.New("report").Funcs(template.FuncMap{
	"add": func(a, b int) int { return a + b },
}).Parse(htmlSource)).ParseFS(htmlStyle, "html.css"))

const htmlSource = `{{define "head"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="archvet{{with .Version}} {{.}}{{end}}">
<title>{{.Title}}</title>
<style>
{{template "html.css"}}</style>
</head>
<body>
<main>
<header class="report">
<h1>{{.Title}}</h1>
<div class="muted">{{.Summary.Files}} design review{{if ne .Summary.Files 1}}s{{end}} checked by archvet{{with .Version}} {{.}}{{end}}: {{.Summary.GatePassed}} passed the gate, {{.Summary.GateFailed}} failed{{if .Summary.Broken}}, {{.Summary.Broken}} could not be evaluated{{end}}.{{with .Baseline}} Against baseline <code>{{.Path}}</code>: {{.New}} new, {{.Present}} still present, {{.Fixed}} fixed.{{end}}</div>
</header>
{{end}}{{define "navhead"}}
<nav class="files">
<table>
<thead><tr><th>service</th><th>design review</th><th class="num">score</th><th>verdict</th><th>gate</th></tr></thead>
<tbody>
{{end}}{{define "row"}}<tr><td><a href="#{{.Anchor}}">{{.Service}}</a></td><td><code>{{.Path}}</code></td><td class="num">{{if .Broken}}–{{else}}{{.Score}}{{end}}</td><td><span class="pill {{.Band}}">{{.Verdict}}</span></td><td>{{if .Broken}}<span class="gate-failed">error</span>{{else if .GatePassed}}<span class="gate-passed">passed</span>{{else}}<span class="gate-failed">failed</span>{{end}}</td></tr>
{{end}}{{define "navfoot"}}</tbody>
</table>
</nav>
{{end}}{{define "file"}}
<section class="file" id="{{.Anchor}}">
<h2>{{.Service}}</h2>
<div class="muted"><code>{{.Path}}</code>{{if not .Broken}} · tier {{.Tier}}{{end}}</div>
{{if .Broken}}
<div class="verdict notready"><div><div class="label">Could not be evaluated</div><p>Fix these problems with the design review and run archvet again.</p></div></div>
<ul>{{range .Diagnostics}}<li class="mono">{{.}}</li>{{end}}</ul>
{{else}}
<div class="verdict {{.Band}}">
<div class="score">{{.Score}}<small> / 100</small></div>
<div><div class="label">{{.Verdict}}</div><p>{{.VerdictText}}</p></div>
</div>
<p>Gate: {{if .GatePassed}}<span class="gate-passed">passed</span>{{else}}<span class="gate-failed">failed</span> ({{range $i, $r := .GateReasons}}{{if $i}}; {{end}}{{$r}}{{end}}){{end}}.
{{.Counts.Passed}} rules passed, {{.Counts.Failed}} failed, {{.Counts.Unanswered}} open questions (completeness {{.Completeness}}%{{with .Trust}}, trust {{.}}{{end}}), {{.Counts.NotApplicable}} not applicable{{if .Counts.Waived}}, {{.Counts.Waived}} waived{{end}}.
{{with .Maturity}}Maturity: <strong>{{.Level}}</strong>{{with .Next}}; next level {{.}}{{end}}{{if .Blockers}} ({{len .Blockers}} rule{{if ne (len .Blockers) 1}}s{{end}} to fix){{end}}.{{end}}</p>

<h3>Scores</h3>
<figure>
{{with .Chart}}<svg class="score-chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{{.Title}}" viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}">
<title>{{.Title}}</title>
{{range .Marks}}<text class="mark" x="{{.X}}" y="14" text-anchor="middle">{{.Label}}</text>
{{end}}{{$c := .}}{{range .Rows}}{{if .Heading}}<text class="heading" x="0" y="{{.TextY}}">{{.Label}}</text>
{{else}}<text x="0" y="{{.TextY}}">{{.Label}}</text><rect class="track" x="{{$c.BarX}}" y="{{.Y}}" width="{{$c.BarW}}" height="16" rx="3"></rect><rect class="bar {{.Band}}" x="{{$c.BarX}}" y="{{.Y}}" width="{{.W}}" height="16" rx="3"></rect><text x="{{add $c.BarX $c.BarW | add 10}}" y="{{.TextY}}">{{.Value}}</text>
{{end}}{{end}}{{range .Marks}}<line class="mark-line" x1="{{.X}}" y1="18" x2="{{.X}}" y2="{{$c.Height}}"></line>
{{end}}</svg>{{end}}
<figcaption class="muted">Score = share of the applicable rules' points earned. Dashed lines mark the verdict bands: ready from 90, conditional from 75. Grey bars: no rule applied.</figcaption>
</figure>

<table>
<thead><tr><th>framework</th><th class="num">score</th><th class="num">passed</th><th class="num">failed</th><th class="num">n/a</th><th>weakest categories</th></tr></thead>
<tbody>
{{range .Frameworks}}<tr><td>{{.Name}}</td><td class="num"><span class="pill {{.Band}}">{{.Score}}</span></td><td class="num">{{.Tally.Passed}}</td><td class="num">{{.Tally.Failed}}</td><td class="num">{{.Tally.NotApplicable}}</td><td class="muted">{{.Weakest}}</td></tr>
{{end}}</tbody>
</table>

{{if .Claims}}<h3>Claims</h3>
<p>Trust {{.Trust}}: {{.TrustCounts}}.</p>
<table>
<thead><tr><th>status</th><th>field</th><th>claimed</th><th>observed</th><th>review</th><th>artefact</th></tr></thead>
<tbody>
{{range .Claims}}<tr><td><span class="pill {{.Band}}">{{.Status}}</span></td><td><code>{{.Key}}</code></td><td class="mono">{{.Claimed}}</td><td class="mono">{{.Observed}}</td><td class="mono">{{.Review}}</td><td class="mono">{{.Artefact}}</td></tr>
{{end}}</tbody>
</table>

{{end}}<h3>Findings ({{.Findings}})</h3>
{{with .BySeverity}}<p>{{range $i, $c := .}}{{if $i}} · {{end}}<span class="sev {{$c.Severity}}">{{$c.N}} {{$c.Severity}}</span>{{end}}</p>{{end}}
{{range .Groups}}<h4>{{.Name}}</h4>
{{range .Rules}}<article class="finding {{.Severity}}">
<header><span class="sev {{.Severity}}">{{.Severity}}</span><strong>{{.ID}}</strong><span>{{.Title}}</span></header>
<ul>{{range .Findings}}<li><code>{{.Where}}</code> {{.Message}}{{with .Status}} <em>({{.}})</em>{{end}}{{if .New}}<span class="new">new</span>{{end}}{{with .Related}}<ul class="related">{{range .}}<li>related: <code>{{.Where}}</code> {{.Message}}</li>{{end}}</ul>{{end}}</li>{{end}}</ul>
<p class="fix"><strong>Fix:</strong> {{.Remediation}}</p>
{{with .Also}}<p class="also">{{.}}</p>{{end}}
{{with .References}}<p class="refs">See {{range $i, $r := .}}{{if $i}}, {{end}}<a href="{{$r.URL}}">{{if $r.Description}}{{$r.Description}}{{else}}{{$r.URL}}{{end}}</a>{{end}}</p>{{end}}
</article>
{{end}}{{else}}<p class="none">No findings.</p>
{{end}}
{{with .Questions}}<h3>Open questions ({{len .}})</h3>
<p class="muted">The design does not say; these are not failures.</p>
<table>
<thead><tr><th>rule</th><th>question</th></tr></thead>
<tbody>
{{range .}}<tr><td><strong>{{.ID}}</strong> {{.Title}}</td><td><code>{{.Where}}</code> {{.Message}}</td></tr>
{{end}}</tbody>
</table>{{end}}
<h3>Waivers</h3>
{{if .Waivers}}<table>
<thead><tr><th>rule</th><th>finding</th><th>approved by</th><th>expires</th><th>reason</th></tr></thead>
<tbody>
{{range .Waivers}}<tr><td><strong>{{.ID}}</strong> {{.Title}}</td><td><code>{{.Where}}</code> {{.Message}}</td><td>{{.ApprovedBy}}</td><td>{{.Expires}}</td><td>{{.Reason}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p class="none">No waivers.</p>{{end}}
{{with .Diagnostics}}<h3>Input warnings</h3>
<ul>{{range .}}<li class="mono">{{.}}</li>{{end}}</ul>{{end}}
{{end}}
</section>
{{end}}{{define "foot"}}
</main>
</body>
</html>
{{end}}`
