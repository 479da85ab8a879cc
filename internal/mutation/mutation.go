// Package mutation measures whether the catalogue's tests would notice a
// wrong rule. It makes one small change at a time to a rule (a flipped
// comparison, a shifted number, a negated condition, a shifted default
// of a parameter in its METADATA), runs that rule's own tests against the
// mutant, and counts the mutant killed when some test fails. The share of
// mutants killed is the mutation score.
package mutation

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/rules"
)

// Kind names what a mutant changed.
type Kind string

const (
	Comparison Kind = "comparison" // < ↔ <=, > ↔ >=, == ↔ !=
	Literal    Kind = "literal"    // a number shifted by one step
	Negation   Kind = "negation"   // a condition negated, or its not removed
	Parameter  Kind = "parameter"  // a METADATA parameter default shifted
)

// Mutant is one change to one rule.
type Mutant struct {
	Rule   string // rule id
	File   string
	Line   int
	Kind   Kind
	Change string // e.g. "< → <=", "60 → 61"
	Killed bool
}

// Report is a whole run.
type Report struct {
	// Generated is how many mutants the catalogue yields; Mutants holds
	// those that were run (all of them, or a sample).
	Generated int
	Mutants   []Mutant
	// Invalid counts mutants that did not compile, which are not scored.
	Invalid int
}

// Killed counts the mutants that some test noticed.
func (r Report) Killed() int {
	n := 0
	for _, m := range r.Mutants {
		if m.Killed {
			n++
		}
	}
	return n
}

// Score is the share of mutants killed, in percent.
func (r Report) Score() float64 {
	if len(r.Mutants) == 0 {
		return 0
	}
	return 100 * float64(r.Killed()) / float64(len(r.Mutants))
}

// Options bound a run.
type Options struct {
	// Sample, when positive, runs at most this many mutants, drawn with a
	// fixed seed so that the run is repeatable.
	Sample int
	// Seed for the sample.
	Seed uint64
	// Only limits the run to these rule ids; empty means every rule.
	Only map[string]bool
}

// site is one place a mutant can be made: its description and the
// function that applies it to a freshly parsed copy of the module.
type site struct {
	kind   Kind
	line   int
	change string
	apply  func(*ast.Module)
}

// Run mutates every built-in rule of the sources and runs each mutant
// against the rule's own tests, with the library modules beside it.
func Run(ctx context.Context, sources []rules.Source, opts Options) (Report, error) {
	cat, ds := rules.Parse(sources)
	if ds.HasErrors() {
		return Report{}, ds
	}
	text := map[string]string{}
	for _, s := range sources {
		text[s.Path] = s.Text
	}
	var helpers []*ast.Module
	for _, m := range cat.Modules {
		if !rules.IsRulePackage(strings.TrimPrefix(m.Package.Path.String(), "data.")) {
			helpers = append(helpers, m)
		}
	}
	type job struct {
		rule *rules.Rule
		test string
		site site
		idx  int
	}
	var jobs []job
	for _, r := range cat.Rules {
		if opts.Only != nil && !opts.Only[r.ID] {
			continue
		}
		testFile := strings.TrimSuffix(r.File, ".rego") + "_test.rego"
		if _, ok := text[testFile]; !ok {
			continue
		}
		m, err := parse(r.File, text[r.File])
		if err != nil {
			return Report{}, err
		}
		for i, s := range sites(m) {
			jobs = append(jobs, job{rule: r, test: testFile, site: s, idx: i})
		}
	}
	rep := Report{Generated: len(jobs)}
	if opts.Sample > 0 && len(jobs) > opts.Sample {
		rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
		rng.Shuffle(len(jobs), func(i, j int) { jobs[i], jobs[j] = jobs[j], jobs[i] })
		jobs = jobs[:opts.Sample]
		sort.SliceStable(jobs, func(i, j int) bool {
			if jobs[i].rule.ID != jobs[j].rule.ID {
				return jobs[i].rule.ID < jobs[j].rule.ID
			}
			return jobs[i].idx < jobs[j].idx
		})
	}
	for _, j := range jobs {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		m, _ := parse(j.rule.File, text[j.rule.File])
		// Sites are found in the same order on every parse, so the i-th
		// site of a fresh copy is the one the job names.
		s := sites(m)[j.idx]
		s.apply(m)
		t, err := parse(j.test, text[j.test])
		if err != nil {
			return rep, err
		}
		killed, valid := runTests(ctx, helpers, m, t)
		if !valid {
			rep.Invalid++
			continue
		}
		rep.Mutants = append(rep.Mutants, Mutant{Rule: j.rule.ID, File: j.rule.File, Line: s.line, Kind: s.kind, Change: s.change, Killed: killed})
	}
	return rep, nil
}

func parse(file, src string) (*ast.Module, error) {
	return ast.ParseModuleWithOpts(file, src, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
}

// runTests reports whether a test of the mutant fails (killed), and
// whether the mutant compiled at all (valid).
func runTests(ctx context.Context, helpers []*ast.Module, rule, test *ast.Module) (killed, valid bool) {
	mods := map[string]*ast.Module{rule.Package.Location.File: rule, test.Package.Location.File: test}
	for _, h := range helpers {
		mods[h.Package.Location.File] = h
	}
	ch, err := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithCapabilities(checks.SafeCapabilities())).
		SetModules(mods).
		SetTimeout(5*time.Second).
		RunTests(ctx, nil)
	if err != nil {
		return false, false
	}
	ran := false
	for r := range ch {
		ran = true
		if r.Fail || r.Error != nil {
			killed = true
		}
	}
	return killed, ran
}

var flips = map[string]string{"lt": "lte", "lte": "lt", "gt": "gte", "gte": "gt", "equal": "neq", "neq": "equal"}

var symbols = map[string]string{"lt": "<", "lte": "<=", "gt": ">", "gte": ">=", "equal": "==", "neq": "!="}

// sites lists the mutation sites of a module in a fixed order: the
// parameter defaults of its METADATA, then, rule by rule, the body
// expressions. Test helpers, message formatting and finding paths are
// left alone: changing a message is not a wrong rule.
func sites(m *ast.Module) []site {
	var out []site
	out = append(out, paramSites(m)...)
	out = append(out, literalSites(m)...)
	for ri, r := range m.Rules {
		name := r.Head.Name.String()
		if name == "params" {
			continue
		}
		for _, body := range bodies(r) {
			for ei, e := range body {
				out = append(out, exprSites(ri, ei, body, e)...)
			}
		}
	}
	return out
}

// bodies are a rule's body and those of its else chain.
func bodies(r *ast.Rule) []ast.Body {
	var out []ast.Body
	for ; r != nil; r = r.Else {
		out = append(out, r.Body)
	}
	return out
}

func exprSites(ri, ei int, body ast.Body, e *ast.Expr) []site {
	var out []site
	line := 0
	if e.Location != nil {
		line = e.Location.Row
	}
	locate := func(m *ast.Module) *ast.Expr {
		var bs []ast.Body
		for r := m.Rules[ri]; r != nil; r = r.Else {
			bs = append(bs, r.Body)
		}
		for _, b := range bs {
			if len(b) == len(body) && b[ei].String() == e.String() {
				return b[ei]
			}
		}
		return nil
	}
	if e.IsCall() {
		op := e.Operator().String()
		if to, ok := flips[op]; ok {
			out = append(out, site{kind: Comparison, line: line, change: symbols[op] + " → " + symbols[to], apply: func(m *ast.Module) {
				if x := locate(m); x != nil {
					x.Terms.([]*ast.Term)[0] = ast.RefTerm(ast.VarTerm(to))
				}
			}})
		}
		if op == "sprintf" || op == "concat" {
			return out
		}
		if _, isCmp := flips[op]; !isCmp && op != "eq" && op != "assign" {
			out = append(out, negation(line, locate, e))
		}
		return out
	}
	if e.IsEvery() || e.IsSome() {
		return out
	}
	if t, ok := e.Terms.(*ast.Term); ok {
		// The body of a rule written without one (x := f(y)) is the
		// constant true: negating it deletes the rule rather than
		// negating a condition, so it is no mutant of the rule's logic.
		if b, isBool := t.Value.(ast.Boolean); isBool && bool(b) {
			return out
		}
		out = append(out, negation(line, locate, e))
	}
	return out
}

// literalSites shifts each number written in a rule: in a comparison, a
// rule's value, a table of thresholds. Numbers inside message formatting
// are left alone.
func literalSites(m *ast.Module) []site {
	var out []site
	for k, t := range numbers(m) {
		line := 0
		if t.Location != nil {
			line = t.Location.Row
		}
		shifted, label := shift(t.Value.(ast.Number))
		out = append(out, site{kind: Literal, line: line, change: label, apply: func(m *ast.Module) {
			if ns := numbers(m); k < len(ns) {
				ns[k].Value = shifted
			}
		}})
	}
	return out
}

// numbers lists the number terms of a module's rules in a fixed order.
func numbers(m *ast.Module) []*ast.Term {
	var out []*ast.Term
	for _, r := range m.Rules {
		if r.Head.Name.String() == "params" {
			continue
		}
		// An object key names a tier or a field; shifting it makes a
		// different table, not a wrong threshold.
		keys := map[*ast.Term]bool{}
		ast.NewGenericVisitor(func(x any) bool {
			if o, ok := x.(ast.Object); ok {
				o.Foreach(func(k, _ *ast.Term) { keys[k] = true })
			}
			return false
		}).Walk(r)
		ast.NewGenericVisitor(func(x any) bool {
			if e, ok := x.(*ast.Expr); ok && e.IsCall() {
				if op := e.Operator().String(); op == "sprintf" || op == "concat" {
					return true
				}
			}
			if c, ok := x.(ast.Call); ok && len(c) > 0 {
				if op := c[0].String(); op == "sprintf" || op == "concat" {
					return true
				}
			}
			if t, ok := x.(*ast.Term); ok {
				if _, isNum := t.Value.(ast.Number); isNum && !keys[t] {
					out = append(out, t)
				}
			}
			return false
		}).Walk(r)
	}
	return out
}

func negation(line int, locate func(*ast.Module) *ast.Expr, e *ast.Expr) site {
	change := "add not"
	if e.Negated {
		change = "remove not"
	}
	return site{kind: Negation, line: line, change: change, apply: func(m *ast.Module) {
		if x := locate(m); x != nil {
			x.Negated = !x.Negated
		}
	}}
}

// shift moves a number by one step of its last decimal: 60 → 61,
// 99.9 → 100.0, 99.95 → 99.96.
func shift(n ast.Number) (ast.Number, string) {
	s := string(n)
	step := 1.0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		step = math.Pow(10, -float64(len(s)-i-1))
	}
	f, _ := strconv.ParseFloat(s, 64)
	out := strconv.FormatFloat(f+step, 'f', -1, 64)
	return ast.Number(out), s + " → " + out
}

// paramSites shifts each numeric default of each parameter, tier by tier.
func paramSites(m *ast.Module) []site {
	var out []site
	for ai, a := range m.Annotations {
		params, _ := a.Custom["params"].(map[string]any)
		names := make([]string, 0, len(params))
		for name := range params {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			spec, _ := params[name].(map[string]any)
			line := 0
			if a.Location != nil {
				line = a.Location.Row
			}
			if list, ok := spec["tiers"].([]any); ok {
				for t := range list {
					if _, ok := number(list[t]); !ok {
						continue
					}
					out = append(out, paramSite(ai, name, "tiers", t, line, list[t]))
				}
			} else if _, ok := number(spec["value"]); ok {
				out = append(out, paramSite(ai, name, "value", -1, line, spec["value"]))
			}
		}
	}
	return out
}

func paramSite(ai int, name, key string, tier, line int, v any) site {
	f, _ := number(v)
	n, label := shift(ast.Number(strconv.FormatFloat(f, 'f', -1, 64)))
	shifted, _ := strconv.ParseFloat(string(n), 64)
	where := fmt.Sprintf("param %s", name)
	if tier >= 0 {
		where += fmt.Sprintf(" tier %d", tier)
	}
	return site{kind: Parameter, line: line, change: where + ": " + label, apply: func(m *ast.Module) {
		spec := m.Annotations[ai].Custom["params"].(map[string]any)[name].(map[string]any)
		if tier >= 0 {
			spec[key].([]any)[tier] = shifted
		} else {
			spec[key] = shifted
		}
	}}
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint64:
		return float64(x), true
	}
	return 0, false
}
