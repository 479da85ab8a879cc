package rules

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/archvet/archvet/internal/diag"
)

// An organisation's policies add rules; they never change the built-in
// ones. Rego v1 ref heads let a module in any package define rules in
// another (`package archvet` with `rules.twelve_factor.x.helper if true`),
// so a custom file could make a built-in rule's helper true and the rule
// silently pass. Every rule a custom module defines is therefore checked
// by its absolute ref: nothing may land in a built-in rule's package, in
// archvet's library or in its parameters. (The generated engine package
// is refused where it is generated, checks.Compile and the bundle.)

// reservedRoots are the documents archvet itself defines, besides the
// built-in rule packages.
var reservedRoots = []string{"archvet.lib", "archvet.params"}

// guardBuiltins refuses, with its position, every custom rule whose ref
// lies under (or above) a built-in package, and every custom file named
// like a built-in one, which would replace it when compiled.
func guardBuiltins(sources []Source, parsed []parsedSource) diag.Diagnostics {
	builtinFiles := map[string]bool{}
	var protected []ast.Ref
	for _, root := range reservedRoots {
		protected = append(protected, packageRef(root))
	}
	for i, src := range sources {
		if !src.Builtin || parsed[i].mod == nil {
			continue
		}
		builtinFiles[src.Path] = true
		pkg := strings.TrimPrefix(parsed[i].mod.Package.Path.String(), "data.")
		if strings.HasPrefix(pkg, RulesPrefix) && !strings.HasSuffix(src.Path, "_test.rego") {
			protected = append(protected, parsed[i].mod.Package.Path)
		}
	}
	var ds diag.Diagnostics
	for i, src := range sources {
		mod := parsed[i].mod
		if src.Builtin || mod == nil {
			continue
		}
		if builtinFiles[src.Path] {
			ds = append(ds, diag.Errorf(at(src.Path, mod.Package.Location),
				"policy file %s has the name of a built-in policy file; rename it or its directory", src.Path))
			continue
		}
		for _, rule := range mod.Rules {
			ref := rule.Ref()
			for _, p := range protected {
				if overlaps(ref, p) {
					ds = append(ds, diag.Errorf(at(src.Path, rule.Location),
						"rule %s is inside %s, which archvet defines: a custom policy may add rules but not change a built-in one; move it to a package of its own under %s",
						ref, p, "data."+RulesPrefix))
					break
				}
			}
		}
	}
	return ds
}

// packageRef is the ref of a dotted package name under data.
func packageRef(pkg string) ast.Ref {
	ref := ast.Ref{ast.DefaultRootDocument}
	for _, part := range strings.Split(pkg, ".") {
		ref = append(ref, ast.StringTerm(part))
	}
	return ref
}

// overlaps reports whether a rule's ref and a protected document can
// name the same data: one is a prefix of the other, a variable term
// standing for any key.
func overlaps(ref, protected ast.Ref) bool {
	for i := 0; i < len(ref) && i < len(protected); i++ {
		a, b := ref[i], protected[i]
		if _, v := a.Value.(ast.Var); v {
			continue
		}
		if _, v := b.Value.(ast.Var); v {
			continue
		}
		if !a.Equal(b) {
			return false
		}
	}
	return true
}
