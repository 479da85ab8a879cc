package checks

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// inlineMetadataChains replaces each call to rego.metadata.chain() in a
// rule module with the part of its value the library reads (the rule's
// id and parameter declarations), as a constant. A rule reads its
// thresholds through lib.params(rego.metadata.chain()); building the
// whole annotation chain (titles, descriptions, references) on every
// evaluation cost more than the rule itself. The constant is what the
// call returns for the package's annotations, so the answers do not
// change, and the exported bundle keeps the call for plain OPA.
// Modules without a package-scoped custom.params are returned as they
// are; others are copied, since the catalogue is shared.
func inlineMetadataChains(m *ast.Module) *ast.Module {
	var custom map[string]any
	for _, a := range m.Annotations {
		if a.Scope == "package" && a.Custom != nil {
			if _, ok := a.Custom["params"]; ok {
				custom = map[string]any{"id": a.Custom["id"], "params": a.Custom["params"]}
			}
		}
	}
	if custom == nil {
		return m
	}
	chain, err := ast.InterfaceToValue([]any{map[string]any{
		"path":        m.Package.Path.String(),
		"annotations": map[string]any{"custom": custom},
	}})
	if err != nil {
		return m
	}
	cp := m.Copy()
	found := false
	ast.WalkTerms(cp, func(t *ast.Term) bool {
		call, ok := t.Value.(ast.Call)
		if ok && len(call) == 1 && call[0].Value.Compare(ast.RegoMetadataChain.Ref()) == 0 {
			t.Value = chain
			found = true
		}
		return false
	})
	// A call written as an expression of its own (rare) is left alone.
	ast.WalkExprs(cp, func(e *ast.Expr) bool {
		if e.IsCall() && len(e.Operands()) == 1 && e.Operator().Equal(ast.RegoMetadataChain.Ref()) {
			found = true
		}
		return false
	})
	if !found {
		return m
	}
	return cp
}
