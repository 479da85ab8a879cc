// Package policytest runs the Rego unit tests of a catalogue through OPA's
// tester package, under the same restricted builtins as the engine, so a
// policy that passes its tests here also compiles in `archvet check`.
package policytest

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/rules"
)

// Options select and bound the tests.
type Options struct {
	// Only, when not nil, limits the run to these test files (as the
	// catalogue names them); the rest of the catalogue is still compiled,
	// since tests import it.
	Only map[string]bool
	// Run is a regular expression over test names
	// (package.test_name); empty runs every test.
	Run string
	// Timeout bounds one test; zero means DefaultTimeout.
	Timeout time.Duration
}

// DefaultTimeout is OPA's own default for one test.
const DefaultTimeout = 5 * time.Second

// Outcome of one test.
type Outcome string

const (
	Passed  Outcome = "PASS"
	Failed  Outcome = "FAIL"
	Errored Outcome = "ERROR"
	Skipped Outcome = "SKIP"
)

// Result is one test's outcome.
type Result struct {
	// Name is the test's package and rule, e.g. archvet.rules.acme.x_test.test_passes.
	Name     string
	Outcome  Outcome
	Location diag.Range
	// Message explains an error; Output is what the test printed.
	Message string
	Output  string
	Elapsed time.Duration
}

// Summary is a whole run, results sorted by file, line and name.
type Summary struct {
	Results                          []Result
	Passed, Failed, Errored, Skipped int
}

// Run compiles the catalogue's policies with the tests in scope and runs
// them. Compile errors come back as diagnostics at their file and line; a
// failing test is a result, not an error.
func Run(ctx context.Context, cat *rules.Catalogue, opts Options) (Summary, diag.Diagnostics) {
	var sum Summary
	if opts.Run != "" {
		if _, err := regexp.Compile(opts.Run); err != nil {
			return sum, diag.Diagnostics{diag.Errorf(nil, "--run: %v", err)}
		}
	}
	modules := map[string]*ast.Module{}
	for _, m := range cat.Modules {
		modules[fileOf(m)] = m
	}
	for _, m := range cat.Tests {
		if opts.Only == nil || opts.Only[fileOf(m)] {
			modules[fileOf(m)] = m
		}
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	compiler := ast.NewCompiler().
		WithCapabilities(checks.SafeCapabilities()).
		WithEnablePrintStatements(true)
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetModules(modules).
		Filter(opts.Run).
		SetTimeout(timeout).
		RunTests(ctx, nil)
	if err != nil {
		return sum, rules.RegoDiagnostics("", err)
	}
	for r := range ch {
		res := Result{
			Name:    strings.TrimPrefix(r.Package, "data.") + "." + r.Name,
			Output:  string(r.Output),
			Elapsed: r.Duration,
		}
		if r.Location != nil {
			res.Location = diag.Range{Filename: r.Location.File, Start: diag.Pos{Line: r.Location.Row, Column: r.Location.Col}}
		}
		switch {
		case r.Skip:
			res.Outcome = Skipped
			sum.Skipped++
		case r.Error != nil:
			res.Outcome, res.Message = Errored, explain(r.Error, timeout)
			sum.Errored++
		case r.Fail:
			res.Outcome = Failed
			sum.Failed++
		default:
			res.Outcome = Passed
			sum.Passed++
		}
		sum.Results = append(sum.Results, res)
	}
	sort.Slice(sum.Results, func(i, j int) bool {
		a, b := sum.Results[i], sum.Results[j]
		if a.Location.Filename != b.Location.Filename {
			return a.Location.Filename < b.Location.Filename
		}
		if a.Location.Start.Line != b.Location.Start.Line {
			return a.Location.Start.Line < b.Location.Start.Line
		}
		return a.Name < b.Name
	})
	return sum, nil
}

// explain names a timeout as one, since OPA reports it as a cancellation.
func explain(err error, timeout time.Duration) string {
	msg := err.Error()
	if strings.Contains(msg, "cancel") {
		return fmt.Sprintf("the test exceeded the %s timeout (raise it with --timeout): %s", timeout, msg)
	}
	return msg
}

func fileOf(m *ast.Module) string {
	if m.Package.Location != nil {
		return m.Package.Location.File
	}
	return m.Package.Path.String()
}
