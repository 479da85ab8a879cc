package document

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestDump2(t *testing.T) {
	bombLines := []string{`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`}
	for i := 'b'; i <= 'i'; i++ {
		p := string(i - 1)
		bombLines = append(bombLines, fmt.Sprintf("%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]", i, i, p, p, p, p, p, p, p, p, p))
	}
	bomb := strings.Join(bombLines, "\n") + "\n"
	var deep strings.Builder
	for i := 0; i < 10000; i++ {
		deep.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	deepFlow := "a: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n"
	deepFlow300 := "a: " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "\n"
	deepHCL := strings.Repeat("a {\n", 10000) + strings.Repeat("}\n", 10000)
	deepHCL2 := "x = " + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + "\n"
	deepHCL3 := "x = " + strings.Repeat("{a=", 300) + "1" + strings.Repeat("}", 300) + "\n"
	cases := []struct{ name, src string }{
		{"a.yaml", "a: 1\nb: [1, 2\n"},
		{"a.yaml", "service:\n  name: x\n\ttier: 0\n"},
		{"a.yaml", "service:\n  name: x\n  tier:\n\t- 1\n"},
		{"a.yaml", "service:\n  name: a\n  name: b\n"},
		{"a.yaml", "a: 1\n---\nb: 2\n"},
		{"a.yaml", bomb},
		{"a.yaml", deep.String()},
		{"a.yaml", deepFlow},
		{"a.yaml", deepFlow300},
		{"a.yaml", "service:\n  name: \xff\n"},
		{"a.yaml", "a: 1\x00"},
		{"a.yaml", ""},
		{"a.yaml", "# x\n\n"},
		{"a.yaml", "---\n"},
		{"a.yaml", "- a\n- b\n"},
		{"a.yaml", "hello"},
		{"a.yaml", "x: 1\na: *nope\n"},
		{"a.yaml", "a: &x [*x]\n"},
		{"a.yaml", "a: .nan\n"},
		{"a.yaml", "a: !!int abc\n"},
		{"a.yaml", "? {a: 1}\n: b\n"},
		{"a.yaml", "a: \x01\n"},
		{"a.yaml", "<<: 3\n"},
		{"a.yaml", "a:\n  key: \"unterminated\n"},
		{"a.yaml", "a: b: c\n"},
		{"a.hcl", "service {\n  name = \n}\n"},
		{"a.hcl", "x = var.foo\n"},
		{"a.hcl", "x = upper(\"a\")\n"},
		{"a.hcl", "service {}\nservice {}\n"},
		{"a.hcl", "service = 1\nservice {}\n"},
		{"a.hcl", "service \"x\" {}\n"},
		{"a.hcl", "dependency \"a\" \"b\" {}\n"},
		{"a.hcl", "dependency \"a\" {\n  name = \"b\"\n}\n"},
		{"a.hcl", "x = [for v in [1,2]: v]\n"},
		{"a.hcl", deepHCL},
		{"a.hcl", deepHCL2},
		{"a.hcl", deepHCL3},
		{"a.hcl", ""},
		{"a.hcl", "# nothing\n"},
		{"a.hcl", "x = \"\xfe\"\n"},
		{"a.hcl", "x = { a = 1, a = 2 }\n"},
		{"a.hcl", "x = 1e400\n"},
		{"a.hcl", "a = 1\na = 2\n"},
		{"a.hcl", "x = { (var.k) = 1 }\n"},
		{"a.hcl", "x = { a.b = 1 }\n"},
		{"a.hcl", "client \"x\" {}\n"},
		{"a.md", "# Title\n\nNo review here.\n"},
		{"a.md", "---\na: 1\n"},
		{"a.md", "---\na: 1\n\tb: 2\n---\n"},
		{"a.md", "---\n---\n"},
		{"a.md", "# T\n\n```yaml archvet\nservice:\n  name: a\n  name: b\n```\n"},
		{"a.md", "# T\n\n```yaml archvet\n```\n"},
		{"a.md", "# T\n\n```yaml archvet\na: [1\n```\n"},
		{"a.txt", "x"},
	}
	for _, c := range cases {
		start := time.Now()
		doc, ds := Load(c.name, []byte(c.src), shape)
		src := c.src
		if len(src) > 60 {
			src = src[:60] + "..."
		}
		fmt.Printf("%s %q (%v)\n  doc=%v\n  %s\n", c.name, src, time.Since(start).Round(time.Millisecond), doc != nil, strings.ReplaceAll(render(ds), "\n", "\n  "))
	}
}
