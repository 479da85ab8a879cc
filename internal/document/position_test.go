package document

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

const positionsYAML = `format_version: 1
service:
  name: checkout
  tier: 0
dependencies:
  - name: payments
    timeout_ms: 800
    retries:
      max_attempts: 3
      jitter: true
  - name: fraud
    tags: [a, b]
`

const positionsHCL = `format_version = 1
service {
  name = "checkout"
  tier = 0
}
dependency "payments" {
  timeout_ms = 800
  retries {
    max_attempts = 3
    jitter       = true
  }
}
dependency "fraud" {
  tags = ["a", "b"]
  limits = { rps = 10, "burst size" = 20 }
}
`

const frontMatterMD = `---
format_version: 1
service:
  name: checkout
dependencies:
  - name: payments
    timeout_ms: 800
---
# Checkout

Some prose.
`

const fencedMD = "# Checkout design review\n" +
	"\n" +
	"An example that is not the review:\n" +
	"\n" +
	"```yaml\n" +
	"service: {name: example}\n" +
	"```\n" +
	"\n" +
	"~~~~text\n" +
	"```yaml archvet\n" +
	"service: {name: inside-another-fence}\n" +
	"```\n" +
	"~~~~\n" +
	"\n" +
	"  ```yaml archvet\n" +
	"  format_version: 1\n" +
	"  service:\n" +
	"    name: checkout\n" +
	"  dependencies:\n" +
	"    - name: payments\n" +
	"  ```\n"

func TestPositions(t *testing.T) {
	tests := []struct {
		file, src string
		want      map[string]string
	}{
		{"review.yaml", positionsYAML, map[string]string{
			"":                                     "1:1",
			"format_version":                       "1:1",
			"service.name":                         "3:3",
			"dependencies":                         "5:1",
			"dependencies[0]":                      "6:5",
			"dependencies[0].name":                 "6:5",
			"dependencies[0].retries.max_attempts": "9:7",
			"dependencies[1].tags[1]":              "12:15",
			"dependencies[0].retries.backoff":      "8:5 (parent)",
			"dependencies[7].name":                 "5:1 (parent)",
			"nope.deeper[3]":                       "1:1 (parent)",
		}},
		{"review.hcl", positionsHCL, map[string]string{
			"":                                     "1:1",
			"format_version":                       "1:1",
			"service":                              "2:1",
			"service.name":                         "3:3",
			"dependencies":                         "6:1",
			"dependencies[0]":                      "6:1",
			"dependencies[0].name":                 "6:12",
			"dependencies[0].retries":              "8:3",
			"dependencies[0].retries.max_attempts": "9:5",
			"dependencies[1].tags[1]":              "14:16",
			"dependencies[1].limits.rps":           "15:14",
			`dependencies[1].limits["burst size"]`: "15:24",
			"dependencies[1].limits.missing":       "15:3 (parent)",
			"dependencies[0].retries.backoff":      "8:3 (parent)",
		}},
		{"review.md", frontMatterMD, map[string]string{
			"":                           "2:1",
			"service.name":               "4:3",
			"dependencies[0].timeout_ms": "7:5",
			"dependencies[0].retries":    "6:5 (parent)",
		}},
		{"review.md", fencedMD, map[string]string{
			"":                     "16:3",
			"format_version":       "16:3",
			"service.name":         "18:5",
			"dependencies[0].name": "20:7",
			"service.owner":        "17:3 (parent)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc := mustLoad(t, tt.file, []byte(tt.src))
			for path, want := range tt.want {
				if got := at(doc, path); got != want {
					t.Errorf("%s: %q is at %s, want %s", tt.file, path, got, want)
				}
			}
			checkRangesMatchBytes(t, doc, tt.src)
		})
	}
}

// checkRangesMatchBytes asserts that every indexed range's byte offsets
// agree with its line and column, so tools that slice the file by byte
// (editors, SARIF viewers) land on the same spot.
func checkRangesMatchBytes(t *testing.T, doc *Document, src string) {
	t.Helper()
	for _, p := range doc.Index.Paths() {
		r, _, _ := doc.Index.Resolve(p)
		if r.Filename != doc.Path {
			t.Errorf("%q: filename %q, want %q", p, r.Filename, doc.Path)
		}
		for _, pos := range [...]struct{ line, col, b int }{
			{r.Start.Line, r.Start.Column, r.Start.Byte},
			{r.End.Line, r.End.Column, r.End.Byte},
		} {
			if pos.b < 0 || pos.b > len(src) {
				t.Errorf("%q: byte %d outside the file", p, pos.b)
				continue
			}
			before := strings.TrimPrefix(src[:pos.b], bom)
			line := strings.Count(before, "\n") + 1
			col := utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:]) + 1
			if line != pos.line || col != pos.col {
				t.Errorf("%q: byte %d is %d:%d, range says %d:%d", p, pos.b, line, col, pos.line, pos.col)
			}
		}
	}
}

func TestTwinRangesMatchBytes(t *testing.T) {
	for _, name := range []string{"twin.yaml", "twin.hcl"} {
		src := readTestdata(t, name)
		checkRangesMatchBytes(t, mustLoad(t, name, src), string(src))
	}
}

func TestByteOrderMarkIsAccepted(t *testing.T) {
	for _, tt := range []struct{ file, src, nameAt string }{
		{"bom.yaml", bom + "service:\n  name: x\n", "2:3"},
		{"bom.hcl", bom + "service {\n  name = \"x\"\n}\n", "2:3"},
		{"bom.md", bom + "---\nservice:\n  name: x\n---\n", "3:3"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			doc := mustLoad(t, tt.file, []byte(tt.src))
			want := map[string]any{"service": map[string]any{"name": "x"}}
			if !reflect.DeepEqual(doc.Value, want) {
				t.Errorf("value %#v, want %#v", doc.Value, want)
			}
			if got := at(doc, "service.name"); got != tt.nameAt {
				t.Errorf("service.name at %s, want %s", got, tt.nameAt)
			}
			if got := at(doc, "service"); !strings.HasPrefix(got, "1:1") && tt.file != "bom.md" {
				t.Errorf("service at %s, want 1:1: the mark is not a column", got)
			}
			checkRangesMatchBytes(t, doc, tt.src)
		})
	}
}
