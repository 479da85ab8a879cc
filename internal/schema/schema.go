// Package schema holds the design-review format: its JSON Schema, the
// validation of decoded documents against it (with positions), and the
// facts other packages derive from it, such as which HCL blocks are list
// entries.
package schema

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/agext/levenshtein"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
)

//go:embed design-review.schema.yaml
var source []byte

const schemaURL = "https://archvet.dev/schema/design-review-v1.json"

// Schema is a compiled JSON Schema written in YAML: the design-review
// format, or archvet's own configuration file.
type Schema struct {
	json     []byte
	tree     map[string]any
	compiled *jsonschema.Schema
	// strict makes unknown fields errors rather than warnings.
	strict bool
	// boundLists refuses lists over MaxListEntries (design reviews).
	boundLists bool
}

var (
	loadOnce sync.Once
	loaded   *Schema
	loadErr  error
)

// Load compiles the embedded design-review schema once per process.
func Load() (*Schema, error) {
	loadOnce.Do(func() {
		loaded, loadErr = Compile(schemaURL, source, false)
		if loadErr == nil {
			loaded.boundLists = true
		}
	})
	return loaded, loadErr
}

// Compile compiles a JSON Schema written in YAML. With strict set, fields
// the schema does not know are errors; otherwise they are warnings.
func Compile(url string, yamlSource []byte, strict bool) (*Schema, error) {
	js, err := yamlToJSON(yamlSource)
	if err != nil {
		return nil, fmt.Errorf("embedded schema: %w", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		return nil, fmt.Errorf("embedded schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("embedded schema: %w", err)
	}
	compiled, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("embedded schema: %w", err)
	}
	return &Schema{json: js, tree: doc.(map[string]any), compiled: compiled, strict: strict}, nil
}

// JSON returns the schema as indented JSON, as `archvet schema` prints it.
func (s *Schema) JSON() []byte { return s.json }

// Tree returns the schema as a generic JSON tree, for documentation.
func (s *Schema) Tree() map[string]any { return s.tree }

// ListBlock implements document.Shape: a block type is a list entry when
// a property of the enclosing object names it in x-hcl-block.
func (s *Schema) ListBlock(parentPath, blockType string) (string, string, bool) {
	node := s.tree
	if parentPath != "" {
		for _, key := range strings.Split(parentPath, ".") {
			node = child(node, key)
			if node == nil {
				return "", "", false
			}
		}
	}
	props, _ := node["properties"].(map[string]any)
	for key, p := range props {
		prop, _ := p.(map[string]any)
		if prop["x-hcl-block"] == blockType {
			label, _ := prop["x-hcl-label"].(string)
			return key, label, true
		}
	}
	return "", "", false
}

// child steps from an object schema to the schema of one of its keys,
// looking through arrays to their item schema.
func child(node map[string]any, key string) map[string]any {
	props, _ := node["properties"].(map[string]any)
	next, _ := props[key].(map[string]any)
	if next == nil {
		return nil
	}
	if items, ok := next["items"].(map[string]any); ok {
		return items
	}
	return next
}

// Validate checks a decoded document. Unknown fields are warnings with a
// did-you-mean suggestion, because a typo should not block a review; wrong
// types and values are errors.
func (s *Schema) Validate(doc *document.Document) diag.Diagnostics {
	if ds := checkLimits(doc); s.boundLists && ds.HasErrors() {
		return ds
	}
	err := s.compiled.Validate(any(doc.Value))
	if err == nil {
		return nil
	}
	verr, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return diag.Diagnostics{diag.Errorf(nil, "%s: %v", doc.Path, err)}
	}
	var out diag.Diagnostics
	printer := message.NewPrinter(language.English)
	for _, leaf := range leaves(verr) {
		path := logicalPath(doc.Value, leaf.InstanceLocation)
		switch k := leaf.ErrorKind.(type) {
		case *kind.AdditionalProperties:
			allowed := s.propertiesAt(leaf.InstanceLocation, doc.Value)
			for _, name := range k.Properties {
				field := document.JoinKey(path, name)
				d := diag.Warningf(rangeOf(doc, field), "unknown field %q", field)
				if s.strict {
					d.Severity = diag.Error
				}
				if guess := closest(name, allowed); guess != "" {
					d.Summary += fmt.Sprintf("; did you mean %q?", guess)
				}
				out = append(out, d)
			}
		case *kind.Required:
			for _, name := range k.Missing {
				field := document.JoinKey(path, name)
				out = append(out, diag.Errorf(rangeOf(doc, path), "missing required field %q", field))
			}
		case *kind.Pattern:
			// `\S` is how the schema says "not empty or blank".
			if k.Want == notBlank {
				out = append(out, diag.Errorf(rangeOf(doc, path), "%s must not be empty", path))
				break
			}
			out = append(out, diag.Errorf(rangeOf(doc, path), "%s: %s", path, leaf.ErrorKind.LocalizedString(printer)))
		default:
			where := path
			if where == "" {
				where = "document"
			}
			out = append(out, diag.Errorf(rangeOf(doc, path), "%s: %s", where, leaf.ErrorKind.LocalizedString(printer)))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return before(out[i], out[j]) })
	return out
}

// notBlank is the pattern of a string that must hold a non-space character.
const notBlank = `\S`

func before(a, b diag.Diagnostic) bool {
	if a.Subject == nil || b.Subject == nil {
		return a.Subject != nil
	}
	if a.Subject.Start.Line != b.Subject.Start.Line {
		return a.Subject.Start.Line < b.Subject.Start.Line
	}
	return a.Subject.Start.Column < b.Subject.Start.Column
}

func rangeOf(doc *document.Document, path string) *diag.Range {
	r, _, ok := doc.Index.Resolve(path)
	if !ok {
		return &diag.Range{Filename: doc.Path}
	}
	return &r
}

// leaves flattens the validation error tree to the errors a user can act on.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// logicalPath turns a JSON pointer's tokens into archvet's path syntax,
// using the document to tell list indices from keys.
func logicalPath(value any, tokens []string) string {
	path := ""
	cur := value
	for _, tok := range tokens {
		switch v := cur.(type) {
		case []any:
			i, _ := strconv.Atoi(tok)
			path = document.JoinIndex(path, i)
			if i >= 0 && i < len(v) {
				cur = v[i]
			} else {
				cur = nil
			}
		case map[string]any:
			path = document.JoinKey(path, tok)
			cur = v[tok]
		default:
			path = document.JoinKey(path, tok)
			cur = nil
		}
	}
	return path
}

// resolve follows a local $ref ("#/$defs/name") to the schema it names.
func (s *Schema) resolve(node map[string]any) map[string]any {
	ref, ok := node["$ref"].(string)
	if !ok || !strings.HasPrefix(ref, "#/") {
		return node
	}
	cur := s.tree
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		next, _ := cur[part].(map[string]any)
		if next == nil {
			return node
		}
		cur = next
	}
	return cur
}

// propertyNode finds the schema of one key of an object schema, looking
// at patternProperties when the key is not a named property.
func (s *Schema) propertyNode(node map[string]any, key string) map[string]any {
	props, _ := node["properties"].(map[string]any)
	if p, ok := props[key].(map[string]any); ok {
		return s.resolve(p)
	}
	patterns, _ := node["patternProperties"].(map[string]any)
	for pattern, p := range patterns {
		if re, err := regexp.Compile(pattern); err == nil && re.MatchString(key) {
			m, _ := p.(map[string]any)
			return s.resolve(m)
		}
	}
	return nil
}

// propertiesAt lists the field names allowed at an instance location.
func (s *Schema) propertiesAt(tokens []string, value any) []string {
	node := s.resolve(s.tree)
	cur := value
	for _, tok := range tokens {
		switch v := cur.(type) {
		case []any:
			items, _ := node["items"].(map[string]any)
			node = s.resolve(items)
			i, _ := strconv.Atoi(tok)
			if i >= 0 && i < len(v) {
				cur = v[i]
			}
		case map[string]any:
			node = s.propertyNode(node, tok)
			cur = v[tok]
		}
		if node == nil {
			return nil
		}
	}
	props, _ := node["properties"].(map[string]any)
	names := make([]string, 0, len(props))
	for name := range props {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// closest suggests the allowed name nearest to a misspelt one, if any is
// near enough to be a plausible typo.
func closest(name string, allowed []string) string {
	best, bestDist := "", len(name)/2+2
	for _, a := range allowed {
		if d := levenshtein.Distance(name, a, nil); d < bestDist {
			best, bestDist = a, d
		}
	}
	return best
}

// BlockFor is ListBlock's inverse, for writing HCL: the block type and
// label field of the list of objects under key.
func (s *Schema) BlockFor(parentPath, key string) (string, string, bool) {
	node := s.tree
	if parentPath != "" {
		for _, k := range strings.Split(parentPath, ".") {
			node = child(node, k)
			if node == nil {
				return "", "", false
			}
		}
	}
	props, _ := node["properties"].(map[string]any)
	prop, _ := props[key].(map[string]any)
	block, ok := prop["x-hcl-block"].(string)
	label, _ := prop["x-hcl-label"].(string)
	return block, label, ok
}

// EvidencePaths lists the logical paths of the values in a document that
// reference a document (a runbook, a threat model, an ADR...): the schema
// marks those fields with x-evidence.
func (s *Schema) EvidencePaths(value map[string]any) []string {
	var out []string
	var walk func(node map[string]any, v any, path string)
	walk = func(node map[string]any, v any, path string) {
		if node == nil {
			return
		}
		if node["x-evidence"] == true {
			switch x := v.(type) {
			case string:
				out = append(out, path)
			case []any:
				for i := range x {
					out = append(out, document.JoinIndex(path, i))
				}
			}
			return
		}
		switch x := v.(type) {
		case map[string]any:
			props, _ := node["properties"].(map[string]any)
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				p, _ := props[k].(map[string]any)
				walk(p, x[k], document.JoinKey(path, k))
			}
		case []any:
			items, _ := node["items"].(map[string]any)
			for i, e := range x {
				walk(items, e, document.JoinIndex(path, i))
			}
		}
	}
	walk(s.tree, value, "")
	return out
}
