package schema

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// FieldDoc is one documented field of the format, in source order.
type FieldDoc struct {
	Path        string // e.g. dependencies[].timeout_ms
	Type        string // e.g. integer, one of: a, b
	Required    bool
	Description string
	HCLBlock    string // for lists of objects: the HCL block type
	HCLLabel    string
}

// Fields walks the schema source in order, so docs/format.md follows the
// order a reader meets fields in a design review.
func Fields() ([]FieldDoc, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(source, &root); err != nil {
		return nil, err
	}
	var out []FieldDoc
	walkFields(root.Content[0], "", &out)
	return out, nil
}

func mapping(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func scalar(n *yaml.Node, key string) string {
	if v := mapping(n, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

func walkFields(node *yaml.Node, prefix string, out *[]FieldDoc) {
	props := mapping(node, "properties")
	if props == nil {
		return
	}
	required := map[string]bool{}
	if req := mapping(node, "required"); req != nil {
		for _, r := range req.Content {
			required[r.Value] = true
		}
	}
	for i := 0; i+1 < len(props.Content); i += 2 {
		name, prop := props.Content[i].Value, props.Content[i+1]
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		fd := FieldDoc{Path: path, Type: typeOf(prop), Required: required[name], Description: scalar(prop, "description"),
			HCLBlock: scalar(prop, "x-hcl-block"), HCLLabel: scalar(prop, "x-hcl-label")}
		*out = append(*out, fd)
		if items := mapping(prop, "items"); items != nil && mapping(items, "properties") != nil {
			walkFields(items, path+"[]", out)
		} else {
			walkFields(prop, path, out)
		}
	}
}

func typeOf(prop *yaml.Node) string {
	if enum := mapping(prop, "enum"); enum != nil {
		vals := make([]string, len(enum.Content))
		for i, v := range enum.Content {
			vals[i] = "`" + v.Value + "`"
		}
		return "one of " + strings.Join(vals, ", ")
	}
	if c := mapping(prop, "const"); c != nil {
		return "`" + c.Value + "`"
	}
	t := scalar(prop, "type")
	switch t {
	case "array":
		items := mapping(prop, "items")
		if items != nil && mapping(items, "properties") != nil {
			return "list of objects"
		}
		return "list of " + strings.TrimPrefix(typeOf(items), "one of ")
	case "string":
		if f := scalar(prop, "format"); f == "date" {
			return "date (YYYY-MM-DD)"
		}
	case "integer", "number":
		lo, hi := scalar(prop, "minimum"), scalar(prop, "maximum")
		switch {
		case lo != "" && hi != "":
			return fmt.Sprintf("%s %s–%s", t, lo, hi)
		case lo != "":
			return fmt.Sprintf("%s ≥ %s", t, lo)
		}
	}
	return t
}
