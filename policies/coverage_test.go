package policies_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/rules"
)

// TestEveryBranchIsCovered runs the Rego tests with OPA's coverage tracer
// and requires that each definition of deny and unanswered in a rule
// produced a finding in some test, and that each applicable condition
// held in some test: a branch no test reaches could be wrong unnoticed,
// and an applicability that never holds in a test could switch the rule
// off unnoticed.
func TestEveryBranchIsCovered(t *testing.T) {
	modules := parseAll(t, readPolicies(t))
	cov := &exitTracer{exited: map[string]bool{}}
	ch, err := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithCapabilities(checks.SafeCapabilities())).
		SetCoverageQueryTracer(cov).
		SetModules(modules).
		RunTests(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for range ch {
	}
	uncovered := 0
	for name, m := range modules {
		if strings.HasSuffix(name, "_test.rego") || !rules.IsRulePackage(strings.TrimPrefix(m.Package.Path.String(), "data.")) {
			continue
		}
		for _, r := range m.Rules {
			head := r.Head.Name.String()
			if head == "" {
				head = r.Head.Ref().String()
			}
			if head != "deny" && head != "unanswered" && head != "applicable" {
				continue
			}
			if !cov.exited[fmt.Sprintf("%s:%d:%d", name, r.Head.Location.Row, r.Head.Location.Col)] {
				uncovered++
				t.Errorf("%s:%d: no test reaches this %s branch", name, r.Location.Row, head)
			}
		}
	}
	if uncovered > 0 {
		t.Logf("%d branches uncovered", uncovered)
	}
}

// exitTracer records the rules that produced a value: OPA's coverage
// report marks a one-line rule covered when its condition was merely
// evaluated, even to false, which would hide an applicability that never
// holds.
type exitTracer struct {
	mu     sync.Mutex
	exited map[string]bool
}

func (*exitTracer) Enabled() bool               { return true }
func (*exitTracer) Config() topdown.TraceConfig { return topdown.TraceConfig{} }
func (e *exitTracer) TraceEvent(ev topdown.Event) {
	if ev.Op != topdown.ExitOp {
		return
	}
	if r, ok := ev.Node.(*ast.Rule); ok && r.Head.Location != nil {
		e.mu.Lock()
		e.exited[fmt.Sprintf("%s:%d:%d", r.Head.Location.File, r.Head.Location.Row, r.Head.Location.Col)] = true
		e.mu.Unlock()
	}
}
