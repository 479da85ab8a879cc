package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"gopkg.in/yaml.v3"
)

// yamlToJSON converts the schema's YAML source to indented JSON, keeping
// the key order of the source so `archvet schema` reads like the YAML and
// the output is byte-for-byte stable.
func yamlToJSON(src []byte) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, root.Content[0], ""); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

func writeJSON(buf *bytes.Buffer, n *yaml.Node, indent string) error {
	inner := indent + "  "
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			buf.WriteString("{}")
			return nil
		}
		buf.WriteString("{\n")
		for i := 0; i < len(n.Content); i += 2 {
			key, _ := json.Marshal(n.Content[i].Value)
			buf.WriteString(inner)
			buf.Write(key)
			buf.WriteString(": ")
			if err := writeJSON(buf, n.Content[i+1], inner); err != nil {
				return err
			}
			if i+2 < len(n.Content) {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString(indent + "}")
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			buf.WriteString("[]")
			return nil
		}
		buf.WriteString("[\n")
		for i, item := range n.Content {
			buf.WriteString(inner)
			if err := writeJSON(buf, item, inner); err != nil {
				return err
			}
			if i+1 < len(n.Content) {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString(indent + "]")
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			if _, err := strconv.ParseFloat(n.Value, 64); err != nil {
				return fmt.Errorf("line %d: bad number %q", n.Line, n.Value)
			}
			buf.WriteString(n.Value)
		case "!!bool":
			buf.WriteString(n.Value)
		case "!!null":
			buf.WriteString("null")
		default:
			s, _ := json.Marshal(n.Value)
			buf.Write(s)
		}
	default:
		return fmt.Errorf("line %d: unsupported YAML node in schema", n.Line)
	}
	return nil
}
