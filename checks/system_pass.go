package checks

import (
	"context"
	"runtime"
	"sort"
	"sync"

	"github.com/archvet/archvet/internal/imports"
	"github.com/archvet/archvet/internal/system"
	"github.com/archvet/archvet/rules"
)

// A run that checks several design reviews together makes two passes.
// Pass 1 (Facts) reads every review, as CheckFile does (the same size
// limits, the same decoding, imports merged, validated), and keeps only
// its graph facts; system.Build joins them. Pass 2 is the ordinary check,
// each review given its place in the system as the _system input. Pass 1
// keeps no document, so memory stays that of the facts.

// Facts is pass 1 over inputs, on every core: the graph facts of each
// input that is a valid design review, in input order. Inputs that are
// broken, skipped or not reviews give none; pass 2 reports them.
func (c *Checker) Facts(ctx context.Context, inputs []Input) []system.Facts {
	out := make([]system.Facts, len(inputs))
	ok := make([]bool, len(inputs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(inputs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], ok[i] = c.facts(inputs[i])
			}
		}()
	}
	for i := range inputs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	kept := out[:0]
	for i, f := range out {
		if ok[i] {
			kept = append(kept, f)
		}
	}
	return kept
}

// facts reads one review's graph facts, or ok=false when CheckFile would
// not evaluate it.
func (c *Checker) facts(in Input) (system.Facts, bool) {
	if in.Err != nil {
		return system.Facts{}, false
	}
	src := in.Source
	if src == nil {
		var err error
		if src, err = c.read(in.Path); err != nil {
			return system.Facts{}, false
		}
	}
	doc, ds := c.load(in, src)
	if doc == nil || ds.HasErrors() {
		return system.Facts{}, false
	}
	if _, ok := doc.Value["format_version"]; !ok && in.Discovered {
		return system.Facts{}, false
	}
	StripComputed(doc)
	if imports.Apply(doc).HasErrors() || c.Schema.Validate(doc).HasErrors() {
		return system.Facts{}, false
	}
	f, ds := system.Extract(doc)
	return f, !ds.HasErrors() && f.Service.Name != ""
}

// attachSystem gives a review its place in the system, after its
// evidence (AttachEvidence removes every computed key, and a review's own
// _system was stripped before, so it cannot forge one).
func (c *Checker) attachSystem(path string, value map[string]any) {
	if v := c.System.Input(path); v != nil {
		value[system.InputKey] = v
	}
}

// statusRank orders statuses from the best to the worst, for the status of
// a system rule in the system: its worst over the files.
var statusRank = map[Status]int{NotApplicable: 0, Pass: 1, Waived: 2, Unanswered: 3, Fail: 4}

// SystemCollector builds the system section from the files' reports as
// they come, keeping only the system rules' results and the per-service
// rows, so that a streaming run does not hold the reports.
//
// It keeps only what the section prints, since at 10,000 services the
// system findings are tens of thousands: each finding once (a result's
// Findings are not kept beside them), and of each file its score,
// completeness and verdict, not its scorecard.
type SystemCollector struct {
	sys      *system.System
	worst    map[string]*SystemResult
	findings []SystemFinding
	rows     map[string]serviceRow // by file
}

// serviceRow is what the per-service table shows of a reported file.
type serviceRow struct {
	score, completeness float64
	verdict             Verdict
}

// NewSystemCollector starts the system section of a run.
func NewSystemCollector(sys *system.System) *SystemCollector {
	return &SystemCollector{sys: sys, worst: map[string]*SystemResult{}, rows: map[string]serviceRow{}}
}

// Add takes one file's report, in report order.
func (c *SystemCollector) Add(f FileReport) {
	if c == nil || f.Skipped {
		return
	}
	if !f.Broken {
		c.rows[f.Path] = serviceRow{score: f.Scorecard.Overall.Score(), completeness: f.Scorecard.Overall.Completeness(), verdict: f.Verdict}
	}
	for _, res := range f.Results {
		if !res.Rule.System() {
			continue
		}
		// The rule as graded for the file and its status there; the
		// findings are kept once, as SystemFindings.
		bare := RuleResult{Rule: res.Rule, Status: res.Status}
		if len(res.Findings) > 0 {
			own := &SystemResult{File: f.Path, RuleResult: bare}
			for _, fd := range res.Findings {
				c.findings = append(c.findings, SystemFinding{File: f.Path, Result: own, Finding: fd})
			}
		}
		w, seen := c.worst[res.Rule.ID]
		if !seen || worse(res, w.RuleResult) {
			c.worst[res.Rule.ID] = &SystemResult{File: f.Path, RuleResult: bare}
		}
	}
}

// worse reports whether a is a worse result of a rule than b: a worse
// status, else a higher severity (a more critical tier).
func worse(a, b RuleResult) bool {
	if ra, rb := statusRank[a.Status], statusRank[b.Status]; ra != rb {
		return ra > rb
	}
	return a.Rule.Severity.Weight() > b.Rule.Severity.Weight()
}

// Report is the system section of the files added so far.
func (c *SystemCollector) Report() *SystemReport {
	if c == nil {
		return nil
	}
	rep := &SystemReport{Graph: c.sys.Graph, Derived: c.sys.Derived, Findings: c.findings}
	ids := make([]string, 0, len(c.worst))
	for id := range c.worst {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	results := make([]RuleResult, 0, len(ids))
	for _, id := range ids {
		rep.Results = append(rep.Results, *c.worst[id])
		results = append(results, c.worst[id].RuleResult)
	}
	tier := rules.Tiers - 1
	for _, svc := range c.sys.Graph.Services {
		row := SystemService{Name: svc.Name, File: svc.File, Tier: svc.Tier, BlastRadius: c.sys.Derived.BlastRadius[svc.Name]}
		if f, ok := c.rows[svc.File]; ok {
			row.Reported = true
			row.Score, row.Completeness, row.Verdict = f.score, f.completeness, f.verdict
			tier = min(tier, svc.Tier)
		}
		rep.Services = append(rep.Services, row)
	}
	// The system is graded at its most critical reported tier.
	rep.Scorecard = ScoreResultsAt(results, tier)
	rep.Verdict = Judge(rep.Scorecard)
	return rep
}
