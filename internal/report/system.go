package report

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/graphdraw"
	"github.com/archvet/archvet/internal/system"
	"github.com/archvet/archvet/rules"
)

// This file is the system section every format writes when a run checks
// several design reviews as one system (checks.Report.System): the
// system's score and verdict over the system rules, a row per service
// (tier, score, verdict, completeness, blast radius), the dependencies
// with the ones a system rule failed at, and the system findings. Each
// format renders the one model built here, so they agree.

// JSONSystem is the "system" object of the JSON report.
type JSONSystem struct {
	// Score and Completeness are over the system rules, each counted once
	// with its worst result over the files; null when none applied.
	Score        *float64               `json:"score"`
	Completeness *float64               `json:"completeness"`
	Verdict      string                 `json:"verdict"`
	Tally        checks.Tally           `json:"rules"`
	Services     []JSONSystemService    `json:"services"`
	Dependencies []JSONSystemDependency `json:"dependencies"`
	// Cycles are the synchronous call cycles, as service names from the
	// member where each is reported.
	Cycles   [][]string          `json:"cycles"`
	Findings []JSONSystemFinding `json:"findings"`
}

// JSONSystemService is one service of the system. Reported is false for
// a review that only gave context (--context): its score, verdict and
// completeness are then null.
type JSONSystemService struct {
	Name         string   `json:"name"`
	File         string   `json:"file"`
	Tier         int      `json:"tier"`
	Reported     bool     `json:"reported"`
	Score        *float64 `json:"score"`
	Verdict      string   `json:"verdict,omitempty"`
	Completeness *float64 `json:"completeness"`
	// ComposedAvailability is the availability its hard synchronous
	// dependencies allow it, in percent; null when no SLO says.
	ComposedAvailability *float64 `json:"composed_availability_percent"`
	// BlastRadius lists the tier-0 services that fail with this one.
	BlastRadius []string `json:"blast_radius"`
	// Findings counts the system findings at this service's review.
	Findings int `json:"findings"`
}

// JSONSystemDependency is one dependency entry: From's
// dependencies[Index] names To.
type JSONSystemDependency struct {
	From     string `json:"from"`
	Index    int    `json:"index"`
	To       string `json:"to"`
	Hard     bool   `json:"hard"`
	Sync     bool   `json:"sync"`
	Attempts int    `json:"attempts"`
	Reviewed bool   `json:"reviewed"`
	// Amplification is the product of the attempts along the worst
	// synchronous path starting at this entry (absent when not derived).
	Amplification int `json:"amplification,omitempty"`
	// Failing is true when a system finding sits at this entry.
	Failing bool `json:"failing"`
}

// JSONSystemFinding is one system finding: a result of the file's
// results (rule, status, message, location and the rest), with the file
// and service it belongs to and, when it sits at a dependency entry, that
// entry's key "from/index".
type JSONSystemFinding struct {
	File    string `json:"file"`
	Service string `json:"service,omitempty"`
	Edge    string `json:"dependency,omitempty"`
	JSONResult
}

// dependencyField reads the entry index off a finding's field path.
var dependencyField = regexp.MustCompile(`^dependencies\[(\d+)\]`)

// systemModel is what the formats draw on: the JSON model, and the
// graph's colouring.
type systemModel struct {
	json    JSONSystem
	rep     *checks.SystemReport
	failing map[string]bool
	// byService is the index of each service's row; serviceOf is each
	// reported file's service.
	byService map[string]int
	serviceOf map[string]string
}

// buildSystem converts a system report to its model.
func buildSystem(s *checks.SystemReport) *systemModel { return buildSystemFindings(s, true) }

// buildSystemFindings is buildSystem, leaving json.Findings empty unless
// keep is set: a writer that converts each finding as it writes it
// (finding) need not hold tens of thousands of them converted at once.
// The counts and the failing edges are the same either way.
func buildSystemFindings(s *checks.SystemReport, keep bool) *systemModel {
	m := &systemModel{rep: s, failing: map[string]bool{}, byService: map[string]int{}, serviceOf: map[string]string{}}
	j := &m.json
	j.Tally = s.Scorecard.Overall
	j.Verdict = string(s.Verdict)
	j.Score = score(s.Scorecard.Overall)
	if s.Scorecard.Overall.Applicable() {
		c := s.Scorecard.Overall.Completeness()
		j.Completeness = &c
	}
	j.Services = make([]JSONSystemService, 0, len(s.Services))
	for _, sv := range s.Services {
		row := JSONSystemService{Name: sv.Name, File: sv.File, Tier: sv.Tier, Reported: sv.Reported, BlastRadius: nonNil(sv.BlastRadius)}
		if sv.Reported {
			sc, c := sv.Score, sv.Completeness
			row.Score, row.Completeness, row.Verdict = &sc, &c, string(sv.Verdict)
		}
		if a, ok := s.Derived.ComposedAvailability[sv.Name]; ok {
			row.ComposedAvailability = &a
		}
		m.byService[sv.Name] = len(j.Services)
		m.serviceOf[sv.File] = sv.Name
		j.Services = append(j.Services, row)
	}
	j.Findings = []JSONSystemFinding{}
	if keep {
		j.Findings = make([]JSONSystemFinding, 0, len(s.Findings))
	}
	for _, f := range s.Findings {
		service, edge := m.place(f)
		if edge != "" && systemStatus(f) == checks.Fail {
			m.failing[edge] = true
		}
		if i, ok := m.byService[service]; ok {
			j.Services[i].Findings++
		}
		if keep {
			j.Findings = append(j.Findings, m.finding(f))
		}
	}
	j.Dependencies = make([]JSONSystemDependency, 0, len(s.Graph.Edges))
	for _, e := range s.Graph.Edges {
		key := graphdraw.EdgeKey(e.From, e.Index)
		j.Dependencies = append(j.Dependencies, JSONSystemDependency{From: e.From, Index: e.Index, To: e.To, Hard: e.Hard, Sync: e.Sync, Attempts: e.Attempts,
			Reviewed: e.Reviewed, Amplification: s.Derived.Amplification[key], Failing: m.failing[key]})
	}
	j.Cycles = make([][]string, 0, len(s.Derived.Cycles))
	for _, c := range s.Derived.Cycles {
		j.Cycles = append(j.Cycles, nonNil(c))
	}
	return m
}

// place is the service a system finding belongs to and, when it sits at
// a dependency entry, that entry's key "from/index".
func (m *systemModel) place(f checks.SystemFinding) (service, edge string) {
	service = m.serviceOf[f.File]
	if mm := dependencyField.FindStringSubmatch(f.Field); mm != nil && service != "" {
		if i, err := strconv.Atoi(mm[1]); err == nil {
			edge = graphdraw.EdgeKey(service, i)
		}
	}
	return service, edge
}

// finding is one system finding of the JSON model.
func (m *systemModel) finding(f checks.SystemFinding) JSONSystemFinding {
	service, edge := m.place(f)
	return JSONSystemFinding{File: f.File, Service: service, Edge: edge, JSONResult: systemResult(f)}
}

// systemResult is a system finding as a result of the JSON report.
func systemResult(f checks.SystemFinding) JSONResult {
	res := JSONResult{Status: systemStatus(f)}
	if r := systemRule(f); r != nil {
		res.Rule, res.Title, res.Severity, res.Frameworks, res.Remediation = r.ID, r.Title, r.Severity, r.Frameworks, r.Remediation
	}
	res.Waiver = f.Waiver
	res.Message = f.Message
	loc := locationOf(f.File, &f.Location)
	loc.Field, loc.Key = f.Field, f.Key
	exact := f.Exact
	loc.Exact = &exact
	res.Location = &loc
	for _, rl := range f.Related {
		res.Related = append(res.Related, JSONRelated{Message: rl.Message, Location: locationOf(f.File, &rl.Location)})
	}
	return res
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// graphOptions colours the system's graph: each reported service by its
// verdict, with its score, and the failing dependency entries.
func (m *systemModel) graphOptions(title string) graphdraw.Options {
	o := graphdraw.Options{Title: title, Verdicts: map[string]string{}, Scores: map[string]float64{}, Failing: m.failing}
	for _, s := range m.json.Services {
		if s.Reported {
			o.Verdicts[s.Name] = s.Verdict
			o.Scores[s.Name] = *s.Score
		}
	}
	return o
}

// focus is the services the system findings are at, for the drawings
// that show only the affected part of the graph.
func (m *systemModel) focus() map[string]bool {
	out := map[string]bool{}
	for _, f := range m.json.Findings {
		if f.Service != "" && f.Status == checks.Fail {
			out[f.Service] = true
		}
	}
	return out
}

// attention lists the services a reader should look at first: those with
// system findings, then the not-ready ones, then the rest, each group by
// tier and name.
func (m *systemModel) attention() []JSONSystemService {
	out := append([]JSONSystemService{}, m.json.Services...)
	rank := func(s JSONSystemService) int {
		switch {
		case s.Findings > 0:
			return 0
		case s.Reported && s.Verdict == string(checks.NotReady):
			return 1
		case s.Reported && s.Verdict == string(checks.Conditional):
			return 2
		}
		return 3
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		if a.Tier != b.Tier {
			return a.Tier < b.Tier
		}
		return a.Name < b.Name
	})
	return out
}

// shortList joins names, at most n of them, then how many more.
func shortList(names []string, n int, none string) string {
	if len(names) == 0 {
		return none
	}
	cleaned := make([]string, 0, min(len(names), n))
	for _, s := range names[:min(len(names), n)] {
		cleaned = append(cleaned, clean(s))
	}
	out := strings.Join(cleaned, ", ")
	if len(names) > n {
		out += " and " + strconv.Itoa(len(names)-n) + " more"
	}
	return out
}

// systemCounts is the system rules' tally as a sentence.
func systemCounts(t checks.Tally) string {
	s := plural(t.Passed+t.Failed+t.Unanswered+t.NotApplicable+t.Waived, "system rule", "system rules") + ": " +
		strconv.Itoa(t.Passed) + " passed, " + strconv.Itoa(t.Failed) + " failed, " + strconv.Itoa(t.Unanswered) + " open questions, " + strconv.Itoa(t.NotApplicable) + " not applicable"
	if t.Waived > 0 {
		s += ", " + strconv.Itoa(t.Waived) + " waived"
	}
	return s
}

// verdictWords is a verdict as a short phrase ("not ready").
func verdictWords(v string) string {
	return strings.ReplaceAll(v, "-", " ")
}

// serviceVerdict is a service's verdict, or that its review only gave
// context (--context) and was not reported.
func serviceVerdict(s JSONSystemService) string {
	if !s.Reported {
		return "context only"
	}
	return verdictWords(s.Verdict)
}

// drawnGraph is the part of the system a bounded drawing shows: the
// whole graph when it has at most maxNodes services, else the services
// with system findings (most critical first) and their neighbours, as
// many as fit in maxNodes. shown and focused say how many services and
// how many of those with findings made it in.
type drawnGraph struct {
	graph   system.Graph
	whole   bool
	shown   int
	focused int
	wanted  int
}

func (m *systemModel) drawn(maxNodes int, affectedOnly bool) drawnGraph {
	g := m.rep.Graph
	focus := m.focus()
	if !affectedOnly && len(g.Services) <= maxNodes {
		return drawnGraph{graph: g, whole: true, shown: len(g.Services), focused: len(focus), wanted: len(focus)}
	}
	adj := map[string][]string{}
	for _, e := range g.Edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	keep := map[string]bool{}
	chosen := map[string]bool{}
	for _, s := range m.attention() {
		if !focus[s.Name] {
			continue
		}
		add := []string{}
		for _, n := range append([]string{s.Name}, adj[s.Name]...) {
			if !keep[n] && !slices.Contains(add, n) {
				add = append(add, n)
			}
		}
		if len(keep)+len(add) > maxNodes {
			continue
		}
		chosen[s.Name] = true
		for _, n := range add {
			keep[n] = true
		}
	}
	part := graphdraw.Neighbourhood(g, chosen)
	return drawnGraph{graph: part, shown: len(part.Services), focused: len(chosen), wanted: len(focus)}
}

// cycleText is a cycle drawn closed, "a → b → a", its names cleaned; a
// long one names its first cycleNames members.
func cycleText(c []string) string {
	const cycleNames = 12
	if len(c) == 0 {
		return ""
	}
	names := make([]string, 0, min(len(c), cycleNames)+1)
	for _, n := range c[:min(len(c), cycleNames)] {
		names = append(names, clean(n))
	}
	if len(c) > cycleNames {
		names = append(names, fmt.Sprintf("(%d more)", len(c)-cycleNames))
	}
	return strings.Join(append(names, clean(c[0])), " → ")
}

// systemRule is the rule of a system finding, graded for its file's tier.
func systemRule(f checks.SystemFinding) *rules.Rule {
	if f.Result == nil {
		return nil
	}
	return f.Result.Rule
}

// systemStatus is a system finding's outcome: fail, unanswered or waived.
func systemStatus(f checks.SystemFinding) checks.Status {
	if f.Result == nil {
		return checks.Fail
	}
	return findingStatus(f.Result.RuleResult, f.Finding)
}
