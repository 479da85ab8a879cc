// Package rulegen scaffolds a new custom rule: the policy with a complete
// METADATA block, its tests, and a documentation stub. The scaffold is
// valid from the start (formatted as `opa fmt` formats it, compiling under
// `opa check --strict`, passing its own tests), with TODO placeholders
// where the author's words belong, so `archvet rules` lists it at once.
package rulegen

import (
	"bytes"
	"embed"
	"fmt"
	"path"
	"regexp"
	"strings"
	"text/template"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/archvet/archvet/rules"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

var templates = template.Must(template.ParseFS(templateFS, "templates/*.tmpl"))

// Options describe the rule to scaffold.
type Options struct {
	ID        string // e.g. ACME004; upper-cased
	Name      string // snake_case slug; default: the id in lower case
	Package   string // default: archvet.rules.<id prefix>.<name>
	Framework string // a framework id from rules.Frameworks
	Category  string // one of the framework's categories
	Severity  string // default: medium
	Level     string // default: reactive
}

// File is one file of the scaffold, its path relative to the rule directory.
type File struct {
	Path string
	Data []byte
}

var (
	idPattern   = regexp.MustCompile(`^[A-Z][A-Z0-9]*[0-9]$`)
	namePattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	prefixOfID  = regexp.MustCompile(`^[A-Z]+`)
)

// Normalize fills in defaults and checks every option, so that a
// generated file can only be wrong in its TODOs.
func (o *Options) Normalize() error {
	o.ID = strings.ToUpper(strings.TrimSpace(o.ID))
	if !idPattern.MatchString(o.ID) {
		return fmt.Errorf("--id %q: want letters then digits, for example ACME004", o.ID)
	}
	if o.Name == "" {
		o.Name = strings.ToLower(o.ID)
	}
	if !namePattern.MatchString(o.Name) {
		return fmt.Errorf("--name %q: want a snake_case slug such as approved_engines", o.Name)
	}
	if o.Package == "" {
		o.Package = rules.RulesPrefix + strings.ToLower(prefixOfID.FindString(o.ID)) + "." + o.Name
	}
	if err := checkPackage(o.Package); err != nil {
		return err
	}
	f, ok := rules.FrameworkByID(o.Framework)
	if !ok {
		ids := make([]string, len(rules.Frameworks))
		for i, fw := range rules.Frameworks {
			ids[i] = fw.ID
		}
		return fmt.Errorf("--framework %q: want one of %s", o.Framework, strings.Join(ids, ", "))
	}
	known := false
	for _, c := range f.Categories {
		known = known || c == o.Category
	}
	if !known {
		return fmt.Errorf("--category %q is not a category of %s: want one of %s", o.Category, f.ID, strings.Join(f.Categories, ", "))
	}
	if o.Severity == "" {
		o.Severity = rules.Medium.String()
	}
	sev, err := rules.ParseSeverity(o.Severity)
	if err != nil {
		return fmt.Errorf("--severity: %v", err)
	}
	o.Severity = sev.String()
	if o.Level == "" {
		o.Level = rules.Levels[0]
	}
	levelOK := false
	for _, l := range rules.Levels {
		levelOK = levelOK || l == o.Level
	}
	if !levelOK {
		return fmt.Errorf("--level %q: want one of %s", o.Level, strings.Join(rules.Levels, ", "))
	}
	return nil
}

// checkPackage accepts archvet.rules.<segment>... with plain identifiers,
// the only packages the engine reads rules from.
func checkPackage(pkg string) error {
	if !strings.HasPrefix(pkg, rules.RulesPrefix) {
		return fmt.Errorf("--package %q: rules live under %s", pkg, rules.RulesPrefix)
	}
	for _, seg := range strings.Split(strings.TrimPrefix(pkg, rules.RulesPrefix), ".") {
		if !namePattern.MatchString(seg) {
			return fmt.Errorf("--package %q: %q is not a snake_case segment", pkg, seg)
		}
	}
	return nil
}

// Generate renders the scaffold: <name>.rego, <name>_test.rego and
// docs/<ID>.md. Options must be normalized.
func Generate(o Options) ([]File, error) {
	data := struct {
		Options
		File string
	}{o, o.Name + ".rego"}
	files := []File{
		{Path: o.Name + ".rego"},
		{Path: o.Name + "_test.rego"},
		{Path: path.Join("docs", o.ID+".md")},
	}
	for i, tmpl := range []string{"rule.rego.tmpl", "rule_test.rego.tmpl", "doc.md.tmpl"} {
		var buf bytes.Buffer
		if err := templates.ExecuteTemplate(&buf, tmpl, data); err != nil {
			return nil, fmt.Errorf("internal error: %s: %w", tmpl, err)
		}
		files[i].Data = buf.Bytes()
	}
	// The templates are written formatted; formatting again costs nothing
	// and guarantees `opa fmt` has nothing to say whatever the names.
	for i := range files[:2] {
		out, err := format.SourceWithOpts(files[i].Path, files[i].Data, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, fmt.Errorf("internal error: %s: %w", files[i].Path, err)
		}
		files[i].Data = out
	}
	return files, nil
}
