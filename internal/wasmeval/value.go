package wasmeval

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The policy's values cross the boundary as text: OPA's Wasm library
// prints a value in Rego's syntax (JSON, plus sets written {a, b} and the
// empty set set()) and reads the same syntax back. ast.ParseTerm reads it
// too, but it is Rego's whole parser, with the capabilities table built
// for every call, and a catalogue crosses the boundary for every sprintf
// of every finding. parseValue reads only ground values, which is all the
// library prints.

// maxDepth bounds the nesting parseValue follows, so that a value nested
// past any real policy's answer is an error, not a deep recursion.
const maxDepth = 10000

// parseValue reads one value printed by the Wasm library.
func parseValue(s []byte) (ast.Value, error) {
	p := valueParser{s: s}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.s) {
		return nil, p.errorf("unexpected %q after the value", p.s[p.i])
	}
	return v, nil
}

type valueParser struct {
	s []byte
	i int
}

func (p *valueParser) errorf(format string, args ...any) error {
	return fmt.Errorf("wasm value at byte %d: %s", p.i, fmt.Sprintf(format, args...))
}

func (p *valueParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *valueParser) literal(word string) bool {
	if strings.HasPrefix(string(p.s[p.i:min(len(p.s), p.i+len(word))]), word) {
		p.i += len(word)
		return true
	}
	return false
}

func (p *valueParser) value(depth int) (ast.Value, error) {
	if depth > maxDepth {
		return nil, p.errorf("nested too deeply")
	}
	if p.i >= len(p.s) {
		return nil, p.errorf("unexpected end of the value")
	}
	switch c := p.s[p.i]; {
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return ast.String(s), nil
	case c == '[':
		p.i++
		terms, err := p.list(']', depth)
		if err != nil {
			return nil, err
		}
		return ast.NewArray(terms...), nil
	case c == '{':
		return p.braces(depth)
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case p.literal("null"):
		return ast.Null{}, nil
	case p.literal("true"):
		return ast.Boolean(true), nil
	case p.literal("false"):
		return ast.Boolean(false), nil
	case p.literal("set()"):
		return ast.NewSet(), nil
	default:
		return nil, p.errorf("unexpected %q", c)
	}
}

// list reads comma-separated values up to the closing byte.
func (p *valueParser) list(end byte, depth int) ([]*ast.Term, error) {
	var terms []*ast.Term
	p.space()
	if p.i < len(p.s) && p.s[p.i] == end {
		p.i++
		return terms, nil
	}
	for {
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		terms = append(terms, ast.NewTerm(v))
		p.space()
		if p.i >= len(p.s) {
			return nil, p.errorf("unexpected end of the value")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case end:
			p.i++
			return terms, nil
		default:
			return nil, p.errorf("unexpected %q in a list", p.s[p.i])
		}
	}
}

// braces reads an object, or a set: {} is the empty object, and the first
// element decides, a key followed by a colon making an object.
func (p *valueParser) braces(depth int) (ast.Value, error) {
	p.i++
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return ast.NewObject(), nil
	}
	first, err := p.value(depth + 1)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.s) && p.s[p.i] != ':' {
		set := ast.NewSet(ast.NewTerm(first))
		if p.s[p.i] == ',' {
			p.i++
			rest, err := p.list('}', depth)
			if err != nil {
				return nil, err
			}
			for _, t := range rest {
				set.Add(t)
			}
		} else if p.s[p.i] == '}' {
			p.i++
		} else {
			return nil, p.errorf("unexpected %q in a set", p.s[p.i])
		}
		return set, nil
	}
	obj := ast.NewObject()
	key := first
	for {
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, p.errorf("an object key without a value")
		}
		p.i++
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		obj.Insert(ast.NewTerm(key), ast.NewTerm(v))
		p.space()
		if p.i >= len(p.s) {
			return nil, p.errorf("unexpected end of the value")
		}
		if p.s[p.i] == '}' {
			p.i++
			return obj, nil
		}
		if p.s[p.i] != ',' {
			return nil, p.errorf("unexpected %q in an object", p.s[p.i])
		}
		p.i++
		p.space()
		if key, err = p.value(depth + 1); err != nil {
			return nil, err
		}
	}
}

func (p *valueParser) number() (ast.Value, error) {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' {
			p.i++
			continue
		}
		break
	}
	text := string(p.s[start:p.i])
	if _, err := strconv.ParseFloat(text, 64); err != nil {
		var ne *strconv.NumError
		if !errors.As(err, &ne) || ne.Err != strconv.ErrRange {
			p.i = start
			return nil, p.errorf("malformed number %q", text)
		}
	}
	return ast.Number(json.Number(text)), nil
}

// str reads a JSON string; the common case, with no escapes, is a copy.
func (p *valueParser) str() (string, error) {
	start := p.i
	p.i++
	plain := true
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == '"':
			p.i++
			raw := p.s[start:p.i]
			if plain && utf8.Valid(raw) {
				return string(raw[1 : len(raw)-1]), nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				p.i = start
				return "", p.errorf("malformed string: %v", err)
			}
			return s, nil
		case c == '\\':
			plain = false
			p.i += 2
		case c < 0x20:
			p.i = start
			return "", p.errorf("a control character in a string")
		default:
			p.i++
		}
	}
	p.i = start
	return "", p.errorf("an unterminated string")
}

// EncodeInput writes a document decoded from YAML, HCL or JSON as the
// JSON the module reads its input from. Numbers keep the text topdown
// sees, so that a message quoting one reads the same either way.
func EncodeInput(v ast.Value) ([]byte, error) {
	var b strings.Builder
	if err := writeJSON(&b, v); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// writeJSON is writeValue restricted to JSON: an input holds no sets.
func writeJSON(b *strings.Builder, v ast.Value) error {
	if _, ok := v.(ast.Set); ok {
		return errors.New("an input holds no sets")
	}
	return writeValue(b, v)
}

// writeValue prints a ground value in the syntax the Wasm library reads:
// JSON strings (Go's %q escapes are not JSON), and sets as sets.
func writeValue(b *strings.Builder, v ast.Value) error {
	switch x := v.(type) {
	case ast.Null:
		b.WriteString("null")
	case ast.Boolean:
		b.WriteString(strconv.FormatBool(bool(x)))
	case ast.Number:
		b.WriteString(string(x))
	case ast.String:
		writeString(b, string(x))
	case *ast.Array:
		b.WriteByte('[')
		for i := range x.Len() {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeValue(b, x.Elem(i).Value); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case ast.Set:
		if x.Len() == 0 {
			b.WriteString("set()")
			return nil
		}
		b.WriteByte('{')
		var err error
		i := 0
		x.Foreach(func(t *ast.Term) {
			if i > 0 {
				b.WriteByte(',')
			}
			i++
			if err == nil {
				err = writeValue(b, t.Value)
			}
		})
		if err != nil {
			return err
		}
		b.WriteByte('}')
	case ast.Object:
		b.WriteByte('{')
		var err error
		i := 0
		x.Foreach(func(k, v *ast.Term) {
			if i > 0 {
				b.WriteByte(',')
			}
			i++
			if err == nil {
				err = writeValue(b, k.Value)
			}
			b.WriteByte(':')
			if err == nil {
				err = writeValue(b, v.Value)
			}
		})
		if err != nil {
			return err
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("a %s is not a value the policy can read", ast.ValueName(v))
	}
	return nil
}

func writeString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[r>>4])
			b.WriteByte(hex[r&0xf])
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}
