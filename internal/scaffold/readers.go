package scaffold

import (
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/rules"
)

// Readers maps every field of the format (schema.FieldDoc.Path, e.g.
// "dependencies[].timeout_ms") to the ids of the rules that read it, as
// far as the Rego source shows. Nothing is listed by hand: a new rule is
// picked up as soon as it is in the catalogue.
//
// A rule reads a field when its policy, or a helper of policies/lib it
// uses, names the field's key outside a message: in a reference
// (dep.timeout_ms), in the path given to object.get or lib.get, or in the
// path of a finding ("dependencies[%d].timeout_ms"). A bare key such as
// "enabled" exists in many places, so it only counts where the rule also
// reads an enclosing section (data_stores, apis...) that holds it.
func Readers(cat *rules.Catalogue) (map[string][]string, error) {
	fields, err := schema.Fields()
	if err != nil {
		return nil, err
	}
	libSeqs := libraryKeys(cat.Modules)
	out := map[string][]string{}
	for _, r := range cat.Rules {
		mod := moduleOf(cat, r)
		if mod == nil {
			continue
		}
		k := scan(mod)
		seqs := k.seqs
		for _, name := range closure(k.lib, libSeqs) {
			seqs = append(seqs, libSeqs[name].seqs...)
		}
		for _, f := range fields {
			if reads(seqs, segments(f.Path)) {
				out[f.Path] = append(out[f.Path], r.ID)
			}
		}
	}
	for _, ids := range out {
		sort.Strings(ids)
	}
	return out, nil
}

func moduleOf(cat *rules.Catalogue, r *rules.Rule) *ast.Module {
	for _, m := range cat.Modules {
		if strings.TrimPrefix(m.Package.Path.String(), "data.") == r.Package {
			return m
		}
	}
	return nil
}

// segments turns "data_stores[].backups.enabled" into its keys.
func segments(path string) []string {
	return strings.Split(strings.ReplaceAll(path, "[]", ""), ".")
}

// reads reports whether any key sequence names the field: as a whole
// path, or as a tail of it when the rule also reads a section above it.
func reads(seqs [][]string, field []string) bool {
	for _, s := range seqs {
		if !suffixOf(s, field) {
			continue
		}
		if len(s) == len(field) {
			return true
		}
		for n := 1; n < len(field); n++ {
			for _, a := range seqs {
				if len(a) <= n && suffixOf(a, field[:n]) {
					return true
				}
			}
		}
	}
	return false
}

// suffixOf matches s against the end of path; "*" matches any key.
func suffixOf(s, path []string) bool {
	if len(s) == 0 || len(s) > len(path) {
		return false
	}
	off := len(path) - len(s)
	for i, k := range s {
		if k != "*" && k != path[off+i] {
			return false
		}
	}
	return true
}

// keys is what one module, or one helper rule of the library, reads.
type keys struct {
	seqs [][]string
	lib  map[string]bool // helpers of policies/lib it refers to
	vars map[string]bool // bare names it uses, to link helpers to helpers
}

// pathFormat is the shape of a finding path: keys, list indices and
// sprintf verbs, never spaces.
var pathFormat = regexp.MustCompile(`^[a-z_]+(\[%d\])?(\.([a-z_]+|%[sv])(\[%d\])?)*$`)

func pathSeq(p string) []string {
	p = strings.ReplaceAll(p, "[%d]", "")
	parts := strings.Split(p, ".")
	for i, s := range parts {
		if strings.HasPrefix(s, "%") {
			parts[i] = "*"
		}
	}
	return parts
}

func scan(x any) *keys {
	k := &keys{lib: map[string]bool{}, vars: map[string]bool{}}
	libAlias := map[string]bool{"lib": true}
	if m, ok := x.(*ast.Module); ok {
		for _, imp := range m.Imports {
			if imp.Path.String() == "data.archvet.lib" {
				alias := "lib"
				if imp.Alias != "" {
					alias = string(imp.Alias)
				}
				libAlias[alias] = true
			}
		}
	}
	var vis *ast.GenericVisitor
	call := func(op ast.Ref, args []*ast.Term) {
		name := op.String()
		last := ""
		if s, ok := op[len(op)-1].Value.(ast.String); ok {
			last = string(s)
		}
		switch {
		case name == "sprintf":
			// A message names fields only to describe them; a finding's
			// path format names the field judged.
			if len(args) > 0 {
				if s, ok := args[0].Value.(ast.String); ok && pathFormat.MatchString(string(s)) {
					k.seqs = append(k.seqs, pathSeq(string(s)))
				}
			}
			return
		case last == "get" && len(args) >= 2:
			switch key := args[1].Value.(type) {
			case ast.String:
				k.seqs = append(k.seqs, []string{string(key)})
			case *ast.Array:
				var seq []string
				key.Foreach(func(t *ast.Term) {
					if s, ok := t.Value.(ast.String); ok {
						seq = append(seq, string(s))
					}
				})
				if len(seq) == key.Len() && len(seq) > 0 {
					k.seqs = append(k.seqs, seq)
				}
			}
		case last == "finding" && len(args) >= 2:
			if s, ok := args[1].Value.(ast.String); ok && pathFormat.MatchString(string(s)) {
				k.seqs = append(k.seqs, pathSeq(string(s)))
			}
		}
		vis.Walk(op)
		for _, a := range args {
			vis.Walk(a)
		}
	}
	vis = ast.NewGenericVisitor(func(x any) bool {
		switch v := x.(type) {
		case *ast.Expr:
			if v.IsCall() {
				terms := v.Terms.([]*ast.Term)
				if op, ok := terms[0].Value.(ast.Ref); ok {
					call(op, terms[1:])
					for _, w := range v.With {
						vis.Walk(w)
					}
					return true
				}
			}
		case ast.Call:
			if op, ok := v[0].Value.(ast.Ref); ok {
				call(op, v[1:])
				return true
			}
		case ast.Ref:
			k.ref(v, libAlias)
			for _, t := range v[1:] {
				if _, isStr := t.Value.(ast.String); !isStr {
					vis.Walk(t) // index expressions: checks[kind]
				}
			}
			return true
		case ast.Var:
			k.vars[string(v)] = true
		case *ast.Annotations, *ast.Comment, *ast.Package, *ast.Import:
			return true
		}
		return false
	})
	vis.Walk(x)
	return k
}

// ref records the keys a reference reads: dep.retries.max_attempts reads
// the sequence [retries max_attempts]; lib.sync_dependencies reads
// whatever that helper reads.
func (k *keys) ref(r ast.Ref, libAlias map[string]bool) {
	head, _ := r[0].Value.(ast.Var)
	if head == "data" {
		return
	}
	if libAlias[string(head)] {
		if len(r) > 1 {
			if s, ok := r[1].Value.(ast.String); ok {
				k.lib[string(s)] = true
			}
		}
		return
	}
	k.vars[string(head)] = true
	var seq []string
	for _, t := range r[1:] {
		if s, ok := t.Value.(ast.String); ok {
			seq = append(seq, string(s))
			continue
		}
		if len(seq) > 0 {
			k.seqs = append(k.seqs, seq)
		}
		seq = nil
	}
	if len(seq) > 0 {
		k.seqs = append(k.seqs, seq)
	}
}

// libraryKeys scans each helper of package archvet.lib on its own, so a
// rule is credited only with the helpers it uses.
func libraryKeys(mods []*ast.Module) map[string]*keys {
	out := map[string]*keys{}
	for _, m := range mods {
		if m.Package.Path.String() != "data.archvet.lib" {
			continue
		}
		for _, r := range m.Rules {
			name := r.Head.Ref().String()
			k := scan(r)
			if prev, ok := out[name]; ok {
				prev.seqs = append(prev.seqs, k.seqs...)
				for v := range k.vars {
					prev.vars[v] = true
				}
				continue
			}
			out[name] = k
		}
	}
	// Helpers refer to one another by bare name (critical uses tier).
	for _, k := range out {
		for v := range k.vars {
			if _, ok := out[v]; ok {
				k.lib[v] = true
			}
		}
	}
	return out
}

// closure follows helpers through the helpers they use.
func closure(start map[string]bool, lib map[string]*keys) []string {
	seen := map[string]bool{}
	var stack []string
	for n := range start {
		stack = append(stack, n)
	}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[n] {
			continue
		}
		seen[n] = true
		if k, ok := lib[n]; ok {
			for m := range k.lib {
				stack = append(stack, m)
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		if _, ok := lib[n]; ok {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
