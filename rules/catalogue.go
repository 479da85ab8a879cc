// Package rules reads the checklist catalogue from the METADATA annotations
// of the Rego policies. Titles, severities, framework mappings and
// remediation are written once, in Rego; this package only reads them.
package rules

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/policies"
)

// RulesPrefix is the package prefix every checklist item lives under.
const RulesPrefix = "archvet.rules."

// SystemPrefix is the package prefix of the system rules, which judge a
// review by its place among the others (the _system input).
const SystemPrefix = "archvet.system."

// ScopeSystem is the Scope of a system rule (METADATA custom.scope).
const ScopeSystem = "system"

// IsRulePackage reports whether a Rego package (without "data.") holds a
// rule of the catalogue: a checklist item or a system rule.
func IsRulePackage(pkg string) bool {
	return strings.HasPrefix(pkg, RulesPrefix) || strings.HasPrefix(pkg, SystemPrefix)
}

// Mapping places a rule in one framework category.
type Mapping struct {
	Framework string `json:"id"`
	Category  string `json:"category"`
}

// Reference points at the framework's own text for a rule.
type Reference struct {
	URL         string `json:"url"`
	Description string `json:"description"`
}

// Option is one choice offered by a decision-needed rule.
type Option struct {
	Name string   `json:"name"`
	Pros TextList `json:"pros,omitempty"`
	Cons TextList `json:"cons,omitempty"`
}

// TextList is a list of short statements. Metadata may give one string or
// a list; both read the same.
type TextList []string

// UnmarshalJSON accepts a string or a list of strings.
func (t *TextList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*t = TextList{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("want a string or a list of strings")
	}
	*t = many
	return nil
}

// Decision describes an architecture decision a rule finds undecided.
type Decision struct {
	Topic    string   `json:"topic"`
	Question string   `json:"question"`
	Drivers  []string `json:"drivers,omitempty"`
	Options  []Option `json:"options,omitempty"`
}

// Rule is one checklist item as its annotations describe it.
type Rule struct {
	ID            string      `json:"id"`
	Title         string      `json:"title"`
	Severity      Severity    `json:"severity"`
	Level         string      `json:"level"`
	Frameworks    []Mapping   `json:"frameworks"`
	Description   string      `json:"description"`
	Remediation   string      `json:"remediation"`
	References    []Reference `json:"references"`
	Applicability string      `json:"applicability"`
	Example       string      `json:"example,omitempty"`
	Decision      *Decision   `json:"decision,omitempty"`
	// Check says what kind of judgement the rule makes: presence,
	// threshold or reasoning (see Checks).
	Check string `json:"check"`
	// Params are the rule's thresholds, with their per-tier defaults.
	Params []Param `json:"params,omitempty"`
	// BestPractices are the Well-Architected best-practice ids the rule
	// implements, e.g. REL05-BP05.
	BestPractices []string `json:"best_practices,omitempty"`
	// TierSeverity, when set, is the severity of a failure per tier (tier
	// 0 first); it overrides Severity.
	TierSeverity []Severity `json:"tier_severity,omitempty"`
	// Package is the Rego package, e.g. archvet.rules.twelve_factor.config.
	Package string `json:"package"`
	// File is the policy file the rule was read from.
	File string `json:"file"`
	// Conditional is true when the package defines `applicable`, so the
	// rule can come out not_applicable.
	Conditional bool `json:"-"`
	// Questions is true when the package defines `unanswered`, so the rule
	// can come out unanswered: the design does not say what it needs.
	Questions bool `json:"-"`
	// Claims is true when the package defines `claims`: the review's
	// statements it checked against the repository's artefacts, each
	// verified, contradicted or unverified.
	Claims bool `json:"-"`
	// Builtin is false for an organisation's own policies.
	Builtin bool `json:"builtin"`
	// Scope is "system" for a system rule (custom.scope), which judges a
	// review by its place in the system and applies only when the run is
	// one; "" for a rule that judges one review on its own.
	Scope string `json:"scope,omitempty"`
}

// System reports whether the rule is a system rule.
func (r *Rule) System() bool { return r.Scope == ScopeSystem }

// Slug is the last segment of the package: a readable name for the rule.
func (r *Rule) Slug() string { return r.Package[strings.LastIndex(r.Package, ".")+1:] }

// In reports whether the rule maps to a framework.
func (r *Rule) In(framework string) bool {
	for _, m := range r.Frameworks {
		if m.Framework == framework {
			return true
		}
	}
	return false
}

// Catalogue is a parsed policy set: the rules it declares and the modules
// the engine compiles.
type Catalogue struct {
	Rules   []*Rule
	Modules []*ast.Module // policies and helpers, tests excluded
	Tests   []*ast.Module
	byID    map[string]*Rule
}

// Lookup finds a rule by id, case-insensitively.
func (c *Catalogue) Lookup(id string) (*Rule, bool) {
	r, ok := c.byID[strings.ToUpper(id)]
	return r, ok
}

// Source is one Rego file to load.
type Source struct {
	Path    string
	Text    string
	Builtin bool
}

// ReadFS collects the .rego files of a file system, sorted by path.
func ReadFS(fsys fs.FS, builtin bool, prefix string) ([]Source, error) {
	var out []Source
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(p) != ".rego" {
			return nil
		}
		b, err := readPolicyFile(fsys, p, d)
		if err != nil {
			return err
		}
		out = append(out, Source{Path: path.Join(prefix, p), Text: string(b), Builtin: builtin})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}

// Parse parses policy sources and reads the catalogue from their
// annotations. Every problem is reported with its file and line.
func Parse(sources []Source) (*Catalogue, diag.Diagnostics) {
	cat := &Catalogue{byID: map[string]*Rule{}}
	var diags diag.Diagnostics
	testFiles := map[string]bool{}
	for _, src := range sources {
		if strings.HasSuffix(src.Path, "_test.rego") {
			testFiles[src.Path] = true
		}
	}
	parsed := parseAll(sources)
	diags = append(diags, guardBuiltins(sources, parsed)...)
	for i, src := range sources {
		mod, err := parsed[i].mod, parsed[i].err
		if err != nil {
			diags = append(diags, regoDiagnostics(src.Path, err)...)
			continue
		}
		if strings.HasSuffix(src.Path, "_test.rego") {
			cat.Tests = append(cat.Tests, mod)
			continue
		}
		cat.Modules = append(cat.Modules, mod)
		pkg := strings.TrimPrefix(mod.Package.Path.String(), "data.")
		if !IsRulePackage(pkg) {
			continue
		}
		rule, ds := readRule(src, mod, pkg)
		diags = append(diags, ds...)
		if rule == nil {
			continue
		}
		if prev, dup := cat.byID[strings.ToUpper(rule.ID)]; dup {
			diags = append(diags, diag.Errorf(at(src.Path, mod.Package.Location), "rule id %s is already used by %s", rule.ID, prev.File))
			continue
		}
		cat.byID[strings.ToUpper(rule.ID)] = rule
		cat.Rules = append(cat.Rules, rule)
	}
	sort.Slice(cat.Rules, func(i, j int) bool { return cat.Rules[i].ID < cat.Rules[j].ID })
	return cat, diags
}

type parsedSource struct {
	mod *ast.Module
	err error
}

// parseAll parses the sources on every core. Parsing a few hundred
// modules is most of a run's start-up after compiling them, and the
// modules do not depend on each other until they are compiled.
func parseAll(sources []Source) []parsedSource {
	out := make([]parsedSource, len(sources))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(sources)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i].mod, out[i].err = ast.ParseModuleWithOpts(sources[i].Path, sources[i].Text, ast.ParserOptions{
					ProcessAnnotation: true,
					RegoVersion:       ast.RegoV1,
				})
			}
		}()
	}
	for i := range sources {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// HasTest reports whether the rule's file has a _test.rego beside it.
func (c *Catalogue) HasTest(r *Rule) bool {
	want := strings.TrimSuffix(r.File, ".rego") + "_test.rego"
	for _, t := range c.Tests {
		if t.Package.Location != nil && t.Package.Location.File == want {
			return true
		}
	}
	return false
}

func at(file string, loc *ast.Location) *diag.Range {
	r := &diag.Range{Filename: file}
	if loc != nil {
		r.Start = diag.Pos{Line: loc.Row, Column: loc.Col}
		r.End = r.Start
	}
	return r
}

// regoDiagnostics turns OPA parse or compile errors into diagnostics.
func regoDiagnostics(file string, err error) diag.Diagnostics {
	var errs ast.Errors
	switch e := err.(type) {
	case ast.Errors:
		errs = e
	case *ast.Error:
		errs = ast.Errors{e}
	default:
		return diag.Diagnostics{diag.Errorf(&diag.Range{Filename: file}, "%v", err)}
	}
	out := make(diag.Diagnostics, 0, len(errs))
	for _, e := range errs {
		f := file
		if e.Location != nil && e.Location.File != "" {
			f = e.Location.File
		}
		out = append(out, diag.Errorf(at(f, e.Location), "%s", e.Message))
	}
	return out
}

// RegoDiagnostics is exported for the engine, whose compile errors have the
// same shape as parse errors.
func RegoDiagnostics(file string, err error) diag.Diagnostics { return regoDiagnostics(file, err) }

func readRule(src Source, mod *ast.Module, pkg string) (*Rule, diag.Diagnostics) {
	var ann *ast.Annotations
	for _, a := range mod.Annotations {
		if a.Scope == "package" {
			ann = a
		}
	}
	where := at(src.Path, mod.Package.Location)
	if ann == nil {
		return nil, diag.Diagnostics{diag.Errorf(where, "rule package %s has no package-scoped # METADATA block", pkg)}
	}
	if ann.Location != nil {
		where = at(src.Path, ann.Location)
	}
	r := &Rule{
		Title:       strings.TrimSpace(ann.Title),
		Description: strings.TrimSpace(ann.Description),
		Package:     pkg,
		File:        src.Path,
		Builtin:     src.Builtin,
	}
	for _, rr := range ann.RelatedResources {
		r.References = append(r.References, Reference{URL: rr.Ref.String(), Description: rr.Description})
	}
	var problems []string
	custom := ann.Custom
	str := func(key string) string {
		v, _ := custom[key].(string)
		return strings.TrimSpace(v)
	}
	r.ID = str("id")
	r.Remediation = str("remediation")
	r.Applicability = str("applicability")
	r.Example = str("example")
	r.Level = str("level")
	r.Scope = str("scope")
	switch {
	case r.Scope != "" && r.Scope != ScopeSystem:
		problems = append(problems, fmt.Sprintf("custom.scope %q is not %q (leave it out for a rule that judges one review)", r.Scope, ScopeSystem))
	case strings.HasPrefix(pkg, SystemPrefix) && r.Scope != ScopeSystem:
		problems = append(problems, "custom.scope: a rule under "+SystemPrefix+" is a system rule: set custom.scope: "+ScopeSystem)
	}
	sev, err := ParseSeverity(str("severity"))
	if err != nil {
		problems = append(problems, "custom.severity: "+err.Error())
	}
	r.Severity = sev
	if fw, ok := custom["frameworks"].(map[string]any); ok {
		for id, cat := range fw {
			category, _ := cat.(string)
			f, known := FrameworkByID(id)
			switch {
			case !known:
				problems = append(problems, fmt.Sprintf("custom.frameworks: unknown framework %q", id))
			case !f.hasCategory(category):
				problems = append(problems, fmt.Sprintf("custom.frameworks: %q is not a category of %s", category, id))
			}
			r.Frameworks = append(r.Frameworks, Mapping{Framework: id, Category: category})
		}
	}
	sort.Slice(r.Frameworks, func(i, j int) bool {
		return frameworkOrder(r.Frameworks[i].Framework) < frameworkOrder(r.Frameworks[j].Framework)
	})
	if d, ok := custom["decision"]; ok {
		b, _ := json.Marshal(d)
		r.Decision = &Decision{}
		if err := json.Unmarshal(b, r.Decision); err != nil {
			problems = append(problems, "custom.decision: "+err.Error())
		}
	}
	problems = append(problems, readJudgement(r, custom)...)
	r.Conditional = defines(mod, "applicable")
	r.Questions = defines(mod, "unanswered")
	r.Claims = defines(mod, "claims")
	problems = append(problems, missing(r)...)
	if !defines(mod, "deny") {
		problems = append(problems, "the package defines no deny rule")
	}
	if len(problems) > 0 {
		ds := make(diag.Diagnostics, len(problems))
		for i, p := range problems {
			ds[i] = diag.Errorf(where, "rule %s: %s", pkg, p)
		}
		return nil, ds
	}
	return r, nil
}

func missing(r *Rule) []string {
	var out []string
	check := func(ok bool, field string) {
		if !ok {
			out = append(out, "missing "+field)
		}
	}
	check(r.ID != "", "custom.id")
	check(r.Title != "", "title")
	check(r.Description != "", "description")
	check(r.Remediation != "", "custom.remediation")
	check(r.Applicability != "", "custom.applicability")
	check(len(r.References) > 0, "related_resources")
	check(len(r.Frameworks) > 0, "custom.frameworks")
	levelOK := false
	for _, l := range Levels {
		levelOK = levelOK || r.Level == l
	}
	if !levelOK {
		out = append(out, fmt.Sprintf("custom.level %q is not one of %s", r.Level, strings.Join(Levels, ", ")))
	}
	return out
}

// defines reports whether the module defines a rule of that name.
func defines(mod *ast.Module, name string) bool {
	for _, rule := range mod.Rules {
		if rule.Head.Name.String() == name || rule.Head.Ref().String() == name {
			return true
		}
	}
	return false
}

func frameworkOrder(id string) int {
	for i, f := range Frameworks {
		if f.ID == id {
			return i
		}
	}
	return len(Frameworks)
}

// BuiltinSources reads the catalogue embedded in the binary.
func BuiltinSources() ([]Source, error) {
	return ReadFS(policies.FS, true, "policies")
}
