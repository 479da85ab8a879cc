// Package checks is archvet's engine: it compiles the catalogue once,
// evaluates each design review with one prepared query over every rule,
// and turns the answers into scored, positioned results.
package checks

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/rules"
)

// aggregatePackage is generated at compile time. It gathers every rule's
// deny set and applicability into one object, so a file costs one query
// whatever the size of the catalogue.
const aggregatePackage = "archvet_engine"

// Engine evaluates design reviews against a compiled catalogue. It is safe
// for concurrent use: a prepared query may be evaluated from many
// goroutines.
type Engine struct {
	Catalogue *rules.Catalogue
	query     rego.PreparedEvalQuery
	timeout   time.Duration
}

// Options tune compilation and evaluation.
type Options struct {
	// Timeout bounds the evaluation of one file; zero means DefaultTimeout.
	Timeout time.Duration
}

// DefaultTimeout is generous: the whole catalogue evaluates in
// milliseconds, so only a runaway policy comes near it.
const DefaultTimeout = 10 * time.Second

// Compile prepares the catalogue's single query. Policies may only use
// builtins that cannot reach the network or the environment.
func Compile(ctx context.Context, cat *rules.Catalogue, opts Options) (*Engine, diag.Diagnostics) {
	agg, err := ast.ParseModuleWithOpts(aggregatePackage+".rego", aggregateSource(cat), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, diag.Diagnostics{diag.Errorf(nil, "internal error: generated query module: %v", err)}
	}
	modules := map[string]*ast.Module{agg.Package.Location.File: agg}
	for _, m := range cat.Modules {
		modules[m.Package.Location.File] = m
	}
	compiler := ast.NewCompiler().WithCapabilities(SafeCapabilities())
	compiler.Compile(modules)
	if compiler.Failed() {
		return nil, rules.RegoDiagnostics("", compiler.Errors)
	}
	pq, err := rego.New(
		rego.Query("data."+aggregatePackage+".report"),
		rego.Compiler(compiler),
		rego.Capabilities(SafeCapabilities()),
		rego.StrictBuiltinErrors(false),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, rules.RegoDiagnostics("", err)
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Engine{Catalogue: cat, query: pq, timeout: timeout}, nil
}

func aggregateSource(cat *rules.Catalogue) string {
	var b strings.Builder
	b.WriteString("package " + aggregatePackage + "\n\nreport := {\n")
	for _, r := range cat.Rules {
		ref := "data." + r.Package
		fmt.Fprintf(&b, "\t%q: {\"deny\": %s.deny", r.ID, ref)
		if r.Conditional {
			fmt.Fprintf(&b, ", \"applicable\": {true | %s.applicable}", ref)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// Status is the outcome of one rule on one file.
type Status string

const (
	Pass          Status = "pass"
	Fail          Status = "fail"
	NotApplicable Status = "not_applicable"
)

// Finding is one offending entry of a failed rule.
type Finding struct {
	Message string
	// Field is the logical path the policy reported, e.g. dependencies[2].timeout_ms.
	Field string
	// Location is where Field, or its nearest existing parent, is in the file.
	Location diag.Range
	// Exact is false when the field is absent and Location is its parent's.
	Exact bool
	// Waiver is the waiver that names this finding, current or expired.
	Waiver *Waiver
	// WaiverExpired is true when Waiver has expired: the finding counts.
	WaiverExpired bool
}

// RuleResult is one rule's outcome on one file.
type RuleResult struct {
	Rule     *rules.Rule
	Status   Status
	Findings []Finding
}

// Evaluate runs every rule against one document. The time is the moment
// dates in the design (restore tests, revisit dates) are judged against.
func (e *Engine) Evaluate(ctx context.Context, doc *document.Document, now time.Time) ([]RuleResult, error) {
	input, err := ast.InterfaceToValue(doc.Value)
	if err != nil {
		return nil, fmt.Errorf("%s: converting the document for evaluation: %w", doc.Path, err)
	}
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	rs, err := e.query.Eval(ctx, rego.EvalParsedInput(input), rego.EvalTime(now))
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return nil, e.timeoutError(input, now)
		}
		return nil, e.explainEvalError(err)
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, errors.New("policy evaluation returned no report")
	}
	report, _ := rs[0].Expressions[0].Value.(map[string]any)
	results := make([]RuleResult, 0, len(e.Catalogue.Rules))
	for _, r := range e.Catalogue.Rules {
		entry, _ := report[r.ID].(map[string]any)
		res := RuleResult{Rule: r, Status: Pass}
		if app, ok := entry["applicable"].([]any); ok && len(app) == 0 {
			res.Status = NotApplicable
			results = append(results, res)
			continue
		}
		deny, _ := entry["deny"].([]any)
		for _, d := range deny {
			res.Findings = append(res.Findings, toFinding(doc, r, d))
		}
		if len(res.Findings) > 0 {
			res.Status = Fail
			sortFindings(res.Findings)
		}
		results = append(results, res)
	}
	return results, nil
}

// timeoutError names the policy that ran away. OPA reports no location
// when a query is cancelled, so the file is evaluated once more with a
// tracer that remembers the last policy file it entered; that costs
// nothing on the normal path, and only the timeout path pays for it.
func (e *Engine) timeoutError(input ast.Value, now time.Time) error {
	ctx, cancel := context.WithTimeout(context.Background(), e.timeout)
	defer cancel()
	tr := &lastFileTracer{}
	_, _ = e.query.Eval(ctx, rego.EvalParsedInput(input), rego.EvalTime(now), rego.EvalQueryTracer(tr))
	msg := fmt.Sprintf("policy evaluation exceeded the %s timeout (raise it with --timeout)", e.timeout)
	file := tr.file()
	if file == "" {
		return errors.New(msg)
	}
	for _, r := range e.Catalogue.Rules {
		if r.File == file {
			return fmt.Errorf("%s: rule %s in %s did not finish", msg, r.ID, file)
		}
	}
	return fmt.Errorf("%s: %s did not finish", msg, file)
}

// lastFileTracer records the policy file of the latest evaluation event.
type lastFileTracer struct {
	mu   sync.Mutex
	last string
}

func (t *lastFileTracer) Enabled() bool               { return true }
func (t *lastFileTracer) Config() topdown.TraceConfig { return topdown.TraceConfig{} }
func (t *lastFileTracer) TraceEvent(ev topdown.Event) {
	if ev.Location == nil || ev.Location.File == "" || ev.Location.File == aggregatePackage+".rego" {
		return
	}
	t.mu.Lock()
	t.last = ev.Location.File
	t.mu.Unlock()
}

func (t *lastFileTracer) file() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.last
}

// explainEvalError names the cause a user can act on: a timeout or a
// runtime error in a policy.
func (e *Engine) explainEvalError(err error) error {
	var topErr *topdown.Error
	if errors.As(err, &topErr) {
		if topErr.Code == topdown.CancelErr {
			return fmt.Errorf("policy evaluation exceeded the %s timeout (raise it with --timeout): %w", e.timeout, err)
		}
		if topErr.Location != nil {
			return fmt.Errorf("%s:%d:%d: policy error: %s", topErr.Location.File, topErr.Location.Row, topErr.Location.Col, topErr.Message)
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("policy evaluation exceeded the %s timeout (raise it with --timeout)", e.timeout)
	}
	return fmt.Errorf("policy error: %w", err)
}

func toFinding(doc *document.Document, r *rules.Rule, v any) Finding {
	f := Finding{Location: diag.Range{Filename: doc.Path}}
	switch d := v.(type) {
	case map[string]any:
		f.Message, _ = d["msg"].(string)
		f.Field, _ = d["path"].(string)
	case string:
		f.Message = d
	}
	if f.Message == "" {
		f.Message = r.Title
	}
	if rng, exact, ok := doc.Index.Resolve(f.Field); ok {
		f.Location, f.Exact = rng, exact
	}
	return f
}

func sortFindings(fs []Finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Location.Start.Line != b.Location.Start.Line {
			return a.Location.Start.Line < b.Location.Start.Line
		}
		if a.Location.Start.Column != b.Location.Start.Column {
			return a.Location.Start.Column < b.Location.Start.Column
		}
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Message < b.Message
	})
}
