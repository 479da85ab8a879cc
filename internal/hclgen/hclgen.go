// Package hclgen writes a YAML design review in its HCL spelling. It keeps
// the YAML's field order and turns lists of objects into labelled blocks,
// as the schema's x-hcl-block annotations say, so the two files decode to
// the same document.
package hclgen

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"
)

// Blocks names the HCL block type and label field for a list of objects
// under key, inside the object at parentPath (list indices removed).
type Blocks interface {
	BlockFor(parentPath, key string) (blockType, labelField string, ok bool)
}

// FromYAML converts YAML source to HCL source. Comments are not carried
// over; the YAML stays the place for them.
func FromYAML(src []byte, blocks Blocks) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, err
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the document is not a mapping")
	}
	f := hclwrite.NewEmptyFile()
	if err := writeBody(f.Body(), root.Content[0], "", blocks); err != nil {
		return nil, err
	}
	return hclwrite.Format(f.Bytes()), nil
}

func writeBody(body *hclwrite.Body, m *yaml.Node, path string, blocks Blocks) error {
	prevBlock := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i].Value, m.Content[i+1]
		child := key
		if path != "" {
			child = path + "." + key
		}
		switch {
		case val.Kind == yaml.MappingNode:
			if i > 0 {
				body.AppendNewline()
			}
			b := body.AppendNewBlock(key, nil)
			if err := writeBody(b.Body(), val, child, blocks); err != nil {
				return err
			}
			prevBlock = true
		case val.Kind == yaml.SequenceNode && isObjectList(val):
			blockType, label, ok := blocks.BlockFor(path, key)
			if !ok {
				return fmt.Errorf("line %d: %s is a list of objects with no HCL block name", val.Line, child)
			}
			for _, item := range val.Content {
				if i > 0 || prevBlock {
					body.AppendNewline()
				}
				labels, rest := splitLabel(item, label)
				b := body.AppendNewBlock(blockType, labels)
				if err := writeBody(b.Body(), rest, child, blocks); err != nil {
					return err
				}
				prevBlock = true
			}
		default:
			if prevBlock {
				body.AppendNewline()
				prevBlock = false
			}
			v, err := value(val)
			if err != nil {
				return err
			}
			body.SetAttributeValue(key, v)
		}
	}
	return nil
}

func isObjectList(n *yaml.Node) bool {
	return len(n.Content) > 0 && n.Content[0].Kind == yaml.MappingNode
}

// splitLabel takes the label field out of a list entry so it becomes the
// block label, as the HCL decoder expects.
func splitLabel(item *yaml.Node, label string) ([]string, *yaml.Node) {
	rest := &yaml.Node{Kind: yaml.MappingNode}
	var labels []string
	for i := 0; i+1 < len(item.Content); i += 2 {
		if item.Content[i].Value == label && item.Content[i+1].Kind == yaml.ScalarNode && labels == nil {
			labels = []string{item.Content[i+1].Value}
			continue
		}
		rest.Content = append(rest.Content, item.Content[i], item.Content[i+1])
	}
	return labels, rest
}

func value(n *yaml.Node) (cty.Value, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			f, _, err := big.ParseFloat(n.Value, 10, 512, big.ToNearestEven)
			if err != nil {
				return cty.NilVal, fmt.Errorf("line %d: bad number %q", n.Line, n.Value)
			}
			return cty.NumberVal(f), nil
		case "!!bool":
			return cty.BoolVal(strings.EqualFold(n.Value, "true")), nil
		case "!!null":
			return cty.NullVal(cty.DynamicPseudoType), nil
		}
		return cty.StringVal(n.Value), nil
	case yaml.SequenceNode:
		vals := make([]cty.Value, 0, len(n.Content))
		for _, item := range n.Content {
			v, err := value(item)
			if err != nil {
				return cty.NilVal, err
			}
			vals = append(vals, v)
		}
		if len(vals) == 0 {
			return cty.EmptyTupleVal, nil
		}
		return cty.TupleVal(vals), nil
	case yaml.MappingNode:
		attrs := map[string]cty.Value{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := value(n.Content[i+1])
			if err != nil {
				return cty.NilVal, err
			}
			attrs[n.Content[i].Value] = v
		}
		return cty.ObjectVal(attrs), nil
	}
	return cty.NilVal, fmt.Errorf("line %d: unsupported YAML value", n.Line)
}
