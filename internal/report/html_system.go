package report

import (
	"bytes"
	"fmt"
	"html/template"
	"sort"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/graphdraw"
)

// htmlGraphNodes bounds the services the page draws: a larger system is
// drawn around its system findings (graphdraw.Neighbourhood), so the page
// stays readable and its size bounded.
const htmlGraphNodes = 60

// htmlBlastNames is how many tier-0 services a row of the table names.
const htmlBlastNames = 8

type htmlSystem struct {
	Services, Dependencies int
	Score, Completeness    string
	Verdict, VerdictText   string
	Band                   string
	Counts                 string
	Cycles                 []string
	Graph                  template.HTML
	GraphNote              string
	Rows                   []htmlSystemRow
	Rules                  []htmlRule
	Findings               int
}

type htmlSystemRow struct {
	Name, File, Anchor      string
	Tier                    int
	Reported                bool
	Score, Band, Verdict    string
	Completeness, Available string
	BlastRadius             string
	Findings                int
}

// System renders the system section, which Close puts first on the page.
func (s *htmlStream) System(sys *checks.SystemReport) error {
	m := buildSystem(sys)
	j := m.json
	hs := htmlSystem{Services: len(j.Services), Dependencies: len(j.Dependencies), Score: scoreText(j.Score, ""), Completeness: scoreText(j.Completeness, "%"),
		Verdict: string(sys.Verdict), VerdictText: sys.Verdict.Describe(), Band: verdictBand(sys.Verdict), Counts: systemCounts(j.Tally), Findings: len(j.Findings)}
	for _, c := range j.Cycles {
		hs.Cycles = append(hs.Cycles, cycleText(c))
	}
	d := m.drawn(htmlGraphNodes, false)
	switch {
	case !d.whole && len(d.graph.Services) == 0:
		hs.GraphNote = fmt.Sprintf("The system has %d services, too many to draw readably, and no failing system finding to draw the graph around: archvet graph draws it whole.", len(j.Services))
	default:
		var svg bytes.Buffer
		if err := graphdraw.SVG(&svg, d.graph, m.graphOptions("Dependency graph")); err != nil {
			return err
		}
		hs.Graph = template.HTML(svg.String()) // graphdraw escapes every name
		if !d.whole {
			hs.GraphNote = fmt.Sprintf("The system has %d services, too many to draw readably: the graph shows the %d with system findings%s and their neighbours (%d services).",
				len(j.Services), d.focused, moreNote(d.wanted-d.focused), d.shown)
		}
	}
	for _, sv := range m.attention() {
		row := htmlSystemRow{Name: clean(sv.Name), File: clean(sv.File), Tier: sv.Tier, Reported: sv.Reported, Anchor: s.anchors[sv.File],
			Score: scoreText(sv.Score, ""), Band: "na", Verdict: serviceVerdict(sv), Completeness: scoreText(sv.Completeness, "%"),
			Available: scoreText(sv.ComposedAvailability, "%"), BlastRadius: shortList(sv.BlastRadius, htmlBlastNames, "none"), Findings: sv.Findings}
		if sv.Reported {
			row.Band = verdictBand(checks.Verdict(sv.Verdict))
		}
		hs.Rows = append(hs.Rows, row)
	}
	hs.Rules = htmlSystemRules(sys)
	s.system = &hs
	return nil
}

// htmlSystemRules groups the system findings by rule, most severe first.
func htmlSystemRules(sys *checks.SystemReport) []htmlRule {
	var out []htmlRule
	index := map[string]int{}
	for _, f := range sys.Findings {
		if systemRule(f) == nil {
			continue
		}
		r := systemRule(f)
		i, ok := index[r.ID]
		if !ok {
			i = len(out)
			index[r.ID] = i
			out = append(out, htmlRule{ID: clean(r.ID), Title: clean(r.Title), Severity: r.Severity.String(), Remediation: htmlProse(r.Remediation), References: r.References})
		}
		hf := htmlFinding{Where: where(f.File, &f.Location), Message: clean(f.Message)}
		for _, rl := range f.Related {
			hf.Related = append(hf.Related, htmlRelated{Where: where(f.File, &rl.Location), Message: clean(rl.Message)})
		}
		if st := systemStatus(f); st != checks.Fail {
			hf.Status = statusLabel(st)
		}
		out[i].Findings = append(out[i].Findings, hf)
	}
	sort.SliceStable(out, func(i, j int) bool { return severityRank(out[i].Severity) > severityRank(out[j].Severity) })
	return out
}

func moreNote(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" that fit (%d more are not drawn)", n)
}

var htmlSystemTemplate = template.Must(htmlTemplate.New("system").Parse(`
<section class="file system" id="system">
<h2>The system: {{.Services}} services, {{.Dependencies}} dependencies</h2>
<div class="verdict {{.Band}}">
<div class="score">{{.Score}}<small> / 100</small></div>
<div><div class="label">{{.Verdict}}</div><p>{{.VerdictText}} (judged by the system rules alone)</p></div>
</div>
<p>{{.Counts}}; completeness {{.Completeness}}.{{range .Cycles}} Synchronous cycle: {{.}}.{{end}}</p>
<h3>Dependency graph</h3>
<figure class="system-graph">
{{with .Graph}}{{.}}{{end}}
<figcaption class="muted">Services ranked by tier, tier 0 on top, coloured by their review's verdict; red lines are dependency entries a system rule fails at. Hover a box or a line for its details.{{with .GraphNote}} {{.}}{{end}}</figcaption>
</figure>
<h3>Services</h3>
<table>
<thead><tr><th>service</th><th class="num">tier</th><th class="num">score</th><th>verdict</th><th class="num">completeness</th><th class="num">composed availability</th><th class="num">system findings</th><th>blast radius (tier-0 services that fail with it)</th></tr></thead>
<tbody>
{{range .Rows}}<tr><td>{{if .Anchor}}<a href="#{{.Anchor}}">{{.Name}}</a>{{else}}{{.Name}}{{end}}</td><td class="num">{{.Tier}}</td><td class="num">{{.Score}}</td><td>{{if .Reported}}<span class="pill {{.Band}}">{{.Verdict}}</span>{{else}}<span class="muted">context only</span>{{end}}</td><td class="num">{{.Completeness}}</td><td class="num">{{.Available}}</td><td class="num">{{.Findings}}</td><td>{{.BlastRadius}}</td></tr>
{{end}}</tbody>
</table>
<h3>System findings ({{.Findings}})</h3>
{{range .Rules}}<article class="finding {{.Severity}}">
<header><span class="sev {{.Severity}}">{{.Severity}}</span><strong>{{.ID}}</strong><span>{{.Title}}</span></header>
<ul>{{range .Findings}}<li><code>{{.Where}}</code> {{.Message}}{{with .Status}} <em>({{.}})</em>{{end}}{{with .Related}}<ul class="related">{{range .}}<li>related: <code>{{.Where}}</code> {{.Message}}</li>{{end}}</ul>{{end}}</li>{{end}}</ul>
<p class="fix"><strong>Fix:</strong> {{.Remediation}}</p>
{{with .References}}<p class="refs">See {{range $i, $r := .}}{{if $i}}, {{end}}<a href="{{$r.URL}}">{{if $r.Description}}{{$r.Description}}{{else}}{{$r.URL}}{{end}}</a>{{end}}</p>{{end}}
</article>
{{else}}<p class="none">No system findings.</p>
{{end}}</section>
`))
