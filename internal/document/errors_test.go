package document

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// aliasBomb is the classic "billion laughs": nine levels of nine-fold
// aliases, 9^9 strings once expanded.
func aliasBomb() string {
	lines := []string{`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`}
	for c := 'b'; c <= 'i'; c++ {
		p := string(c - 1)
		lines = append(lines, fmt.Sprintf("%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]", c, c, p, p, p, p, p, p, p, p, p))
	}
	return strings.Join(lines, "\n") + "\n"
}

// deepYAMLBlock nests n block sequences. "- - - x" puts each level two
// columns further right on one line, so the file stays small where
// indented mappings would need n*n/2 bytes.
func deepYAMLBlock(n int) string {
	return "a:\n" + strings.Repeat("- ", n) + "x\n"
}

type errorCase struct {
	name string // file name, which selects the format
	src  string
	want string // the diagnostics as the CLI prints them
}

var errorCases = []errorCase{
	// YAML
	{"syntax.yaml", "service:\n  name: x\nlimits: [1, 2\n",
		"syntax.yaml:3:1: error: invalid YAML: did not find expected ',' or ']'"},
	{"tab.yaml", "service:\n  name: x\n\ttier: 0\n",
		"tab.yaml:3:1: error: invalid YAML: found a tab character that violates indentation: YAML indentation must use spaces, not tabs"},
	{"tab-item.yaml", "service:\n  tags:\n  \t- a\n",
		"tab-item.yaml:3:3: error: invalid YAML: found character that cannot start any token: YAML indentation must use spaces, not tabs"},
	{"colon.yaml", "service:\n  name: a: b\n",
		"colon.yaml:2:3: error: invalid YAML: mapping values are not allowed in this context"},
	{"quote.yaml", "service:\n  name: \"checkout\n  tier: 0\n",
		"quote.yaml:2:3: error: invalid YAML: found unexpected end of stream"},
	{"dup.yaml", "service:\n  name: a\n  tier: 0\n  name: b\n",
		`dup.yaml:4:3: error: duplicate key "name": it is already set on line 2`},
	{"dup-number.yaml", "ports:\n  80: http\n  \"80\": again\n",
		`dup-number.yaml:3:3: error: duplicate key "80": it is already set on line 2`},
	{"multi.yaml", "service:\n  name: a\n---\nservice:\n  name: b\n",
		"multi.yaml:3:1: error: the file holds more than one YAML document; a design review is a single document"},
	{"multi-after-empty.yaml", "service:\n  name: a\n---\n# nothing\n---\nservice:\n  name: b\n",
		"multi-after-empty.yaml:5:1: error: the file holds more than one YAML document; a design review is a single document"},
	{"bomb.yaml", aliasBomb(),
		"bomb.yaml:6:8: error: aliases expand to more than 100000 values"},
	{"cycle.yaml", "a: &x [1, *x]\n",
		"cycle.yaml:1:11: error: alias *x refers to a value that contains it"},
	{"anchor.yaml", "service:\n  name: *missing\n",
		"anchor.yaml:2:9: error: invalid YAML: unknown anchor 'missing' referenced"},
	{"deep.yaml", deepYAMLBlock(10000),
		"deep.yaml:2:511: error: the document nests deeper than 256 levels"},
	{"deep-flow.yaml", "a: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n",
		"deep-flow.yaml:1:259: error: the document nests deeper than 256 levels"},
	{"deeper-flow.yaml", "a: " + strings.Repeat("{a: ", 10001) + "1" + strings.Repeat("}", 10001) + "\n",
		"deeper-flow.yaml:1:1: error: the document nests deeper than 256 levels"},
	{"utf8.yaml", "service:\n  name: caf\xe9\n",
		"utf8.yaml:2:12: error: file is not valid UTF-8 text: archvet reads design reviews as UTF-8; re-save the file as UTF-8"},
	{"nul.yaml", "service:\n  name: \x00\x01\x02\n",
		"nul.yaml:2:9: error: file is binary, not text: it contains a NUL byte"},
	{"control.yaml", "service:\n  name: a\x07b\n",
		"control.yaml:2:10: error: control character U+0007 is not allowed in YAML"},
	{"empty.yaml", "", "empty.yaml:1:1: error: empty design review"},
	{"comments.yaml", "# TODO: write the review\n\n", "comments.yaml:1:1: error: empty design review"},
	{"list.yaml", "- service\n- name\n",
		"list.yaml:1:1: error: the top level of a design review must be a mapping of keys to values, not a list"},
	{"scalar.yaml", "\n\nhello\n",
		"scalar.yaml:3:1: error: the top level of a design review must be a mapping of keys to values, not a string"},
	{"nan.yaml", "slo:\n  availability: .nan\n",
		"nan.yaml:2:17: error: .nan is not a finite number; design reviews are exchanged as JSON, which has no NaN or infinity"},
	{"tag.yaml", "service:\n  tier: !!int zero\n",
		"tag.yaml:2:9: error: cannot decode !!str `zero` as a !!int"},
	{"key.yaml", "? [a, b]\n: c\n",
		"key.yaml:1:3: error: a mapping key must be a string, not a list"},
	{"merge.yaml", "service:\n  <<: 3\n",
		"merge.yaml:2:7: error: the value of a << merge key must be a mapping or a list of mappings, not a number"},

	// HCL
	{"syntax.hcl", "service {\n  name = \n}\n",
		"syntax.hcl:2:10: error: Invalid expression: Expected the start of an expression, but found an invalid expression token."},
	{"brace.hcl", "service {\n  name = \"x\"\n",
		"brace.hcl:1:9: error: Unclosed configuration block: There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file."},
	{"var.hcl", "service {\n  name = var.name\n}\n",
		"var.hcl:2:10: error: Variables not allowed: Variables may not be used here."},
	{"bare.hcl", "service {\n  name = checkout\n}\n",
		"bare.hcl:2:10: error: Variables not allowed: Variables may not be used here."},
	{"func.hcl", "service {\n  name = upper(\"x\")\n}\n",
		"func.hcl:2:10: error: Function calls not allowed: Functions may not be called here."},
	{"interp.hcl", "service {\n  name = \"svc-${var.env}\"\n}\n",
		"interp.hcl:2:17: error: Variables not allowed: Variables may not be used here."},
	{"dupblock.hcl", "service {\n  name = \"a\"\n}\n\nservice {\n  name = \"b\"\n}\n",
		`dupblock.hcl:5:1: error: duplicate "service" block: it is already defined on line 1`},
	{"attrblock.hcl", "service = {}\nservice {\n}\n",
		`attrblock.hcl:2:1: error: "service" is set both as a block and by the argument on line 1`},
	{"blockattr.hcl", "service {\n}\nservice = {}\n",
		`blockattr.hcl:3:1: error: "service" is set both as an argument and by the block on line 1`},
	{"listattr.hcl", "dependencies = []\ndependency \"a\" {\n}\n",
		`listattr.hcl:2:1: error: "dependency" blocks make up the list "dependencies", which is already set by the argument on line 1`},
	{"label.hcl", "service \"checkout\" {\n}\n",
		`label.hcl:1:9: error: unexpected label on the "service" block: only blocks that are entries of a list take a label`},
	{"labels.hcl", "dependency \"a\" \"b\" {\n}\n",
		`labels.hcl:1:16: error: unexpected second label on the "dependency" block: it takes one label, its name`},
	{"nolabel.hcl", "client \"web\" {\n}\n",
		`nolabel.hcl:1:8: error: unexpected label on the "client" block: it takes no label`},
	{"labelattr.hcl", "dependency \"a\" {\n  name = \"b\"\n}\n",
		`labelattr.hcl:2:3: error: "name" is already given by the label of this "dependency" block`},
	{"redefined.hcl", "tier = 1\ntier = 2\n",
		`redefined.hcl:2:1: error: Attribute redefined: The argument "tier" was already set at redefined.hcl:1,1-5. Each argument may be set only once.`},
	{"dupkey.hcl", "labels = {\n  team = \"a\"\n  team = \"b\"\n}\n",
		`dupkey.hcl:3:3: error: duplicate key "team": it is already set on line 2`},
	{"for.hcl", "ports = [for p in [80, 443]: p]\n",
		"for.hcl:1:9: error: for expressions are not supported in a design review: write the values out"},
	{"forbomb.hcl", "x = \"%{for a in [1,2,3,4,5,6,7,8,9]}%{for b in [1,2,3,4,5,6,7,8,9]}lol%{endfor}%{endfor}\"\n",
		"forbomb.hcl:1:6: error: for expressions are not supported in a design review: write the values out\n" +
			"forbomb.hcl:1:37: error: for expressions are not supported in a design review: write the values out"},
	{"range.hcl", "budget = 1e400\n",
		"range.hcl:1:10: error: number is out of range: numbers in a design review must fit in a 64-bit float"},
	{"exponent.hcl", "name = \"${1e99999999}\"\n",
		"exponent.hcl:1:11: error: number is out of range: numbers in a design review must fit in a 64-bit float"},
	{"product.hcl", "x = 1e300 * 1e300 / 1e-300\n",
		"product.hcl:1:5: error: number is out of range: numbers in a design review must fit in a 64-bit float"},
	{"multiply.hcl", "x = \"${" + strings.Repeat("1e300 * ", 40) + "1}\"\n",
		"multiply.hcl:1:8: error: more than 16 multiplications or divisions in one value: write the value out"},
	{"deep.hcl", strings.Repeat("a {\n", 10000) + strings.Repeat("}\n", 10000),
		"deep.hcl:256:1: error: the document nests deeper than 256 levels"},
	{"deep-expr.hcl", "x = " + strings.Repeat("{a = ", 300) + "1" + strings.Repeat("}", 300) + "\n",
		"deep-expr.hcl:1:1280: error: the document nests deeper than 256 levels"},
	{"brackets.hcl", "x = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n",
		"brackets.hcl:1:10005: error: the document nests brackets or operators more than 10000 levels deep"},
	{"unary.hcl", "x = " + strings.Repeat("!", 20000) + "true\n",
		"unary.hcl:1:10005: error: the document nests brackets or operators more than 10000 levels deep"},
	{"chain.hcl", "x = " + strings.Repeat("1 + ", 20000) + "1\n",
		"chain.hcl:1:40007: error: the document nests brackets or operators more than 10000 levels deep"},
	{"many.hcl", "x = [" + strings.Repeat("1,", 100001) + "]\n",
		"many.hcl:1:200002: error: the document has more than 100000 values"},
	{"utf8.hcl", "service {\n  name = \"\xff\"\n}\n",
		"utf8.hcl:2:11: error: file is not valid UTF-8 text: archvet reads design reviews as UTF-8; re-save the file as UTF-8"},
	{"empty.hcl", "", "empty.hcl:1:1: error: empty design review"},
	{"comments.hcl", "// nothing yet\n", "comments.hcl:1:1: error: empty design review"},

	// Markdown
	{"none.md", "# Checkout\n\nNo review here.\n",
		"none.md:1:1: error: no design review found: add YAML front matter or a ```yaml archvet block"},
	{"unclosed.md", "---\nservice:\n  name: x\n",
		"unclosed.md:1:1: error: the front matter opened here is never closed: end it with a line holding only ---"},
	{"fm-tab.md", "---\nservice:\n  name: x\n\ttier: 0\n---\n# Checkout\n",
		"fm-tab.md:4:1: error: invalid YAML: found a tab character that violates indentation: YAML indentation must use spaces, not tabs"},
	{"fm-empty.md", "---\n---\n# Checkout\n", "fm-empty.md:1:1: error: empty design review"},
	{"fm-dup.md", "---\nservice:\n  name: a\n  name: b\n...\n",
		`fm-dup.md:4:3: error: duplicate key "name": it is already set on line 3`},
	{"fence-dup.md", "# Checkout\n\n```yaml archvet\nservice:\n  name: a\n  name: b\n```\n",
		`fence-dup.md:6:3: error: duplicate key "name": it is already set on line 5`},
	{"fence-syntax.md", "# Checkout\n\nProse.\n\n```yaml archvet\nservice:\n  tags: [a\n```\n",
		"fence-syntax.md:7:3: error: invalid YAML: did not find expected ',' or ']'"},
	{"fence-empty.md", "# Checkout\n\n  ```yaml archvet\n  ```\n", "fence-empty.md:3:3: error: empty design review"},
	{"fence-multi.md", "```yaml archvet\nservice: {name: a}\n---\nservice: {name: b}\n```\n",
		"fence-multi.md:3:1: error: the file holds more than one YAML document; a design review is a single document"},
	{"utf8.md", "# Caf\xe9\n", "utf8.md:1:6: error: file is not valid UTF-8 text: archvet reads design reviews as UTF-8; re-save the file as UTF-8"},

	// Any format
	{"review.txt", "service: {}\n",
		`review.txt:1:1: error: unsupported file type ".txt": a design review is a .yaml, .yml, .hcl, .md or .markdown file`},
}

func TestErrors(t *testing.T) {
	for _, tt := range errorCases {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			doc, ds := Load(tt.name, []byte(tt.src), shape)
			// Generous: this catches hangs, not slowness on a busy machine.
			if elapsed := time.Since(start); elapsed > 20*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if doc != nil {
				t.Errorf("got a document, want none")
			}
			checkDiagnostics(t, ds)
			if got := render(ds); got != tt.want {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}
