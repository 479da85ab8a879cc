package document

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/diag"
)

// testShape is the list-block shape the tests use: "parent|type" names
// the list key and the label field.
type testShape map[string][2]string

func (s testShape) ListBlock(parent, blockType string) (string, string, bool) {
	v, ok := s[parent+"|"+blockType]
	return v[0], v[1], ok
}

var shape = testShape{
	"|dependency":            {"dependencies", "name"},
	"dependencies|endpoint":  {"endpoints", "path"},
	"events|topic":           {"topics", "name"},
	"|alert":                 {"alerts", "name"},
	"|client":                {"clients", ""},
	"dependencies|fallbacks": {"fallbacks", "name"},
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mustLoad loads src as the format its name says and fails the test on
// any diagnostic.
func mustLoad(t testing.TB, name string, src []byte) *Document {
	t.Helper()
	doc, ds := Load(name, src, shape)
	if len(ds) > 0 || doc == nil {
		t.Fatalf("Load(%s): %v", name, ds)
	}
	return doc
}

// at renders where the index puts path, as a user would read it.
func at(doc *Document, path string) string {
	r, exact, ok := doc.Index.Resolve(path)
	if !ok {
		return "unresolved"
	}
	s := fmt.Sprintf("%d:%d", r.Start.Line, r.Start.Column)
	if !exact {
		s += " (parent)"
	}
	return s
}

// render shows diagnostics the way the CLI prints them, one per line.
func render(ds diag.Diagnostics) string {
	var lines []string
	for _, d := range ds {
		lines = append(lines, d.Error())
	}
	return strings.Join(lines, "\n")
}

// checkDiagnostics asserts that every error diagnostic has a known
// position, as the fuzz targets do.
func checkDiagnostics(t testing.TB, ds diag.Diagnostics) {
	t.Helper()
	for _, d := range ds {
		if d.Severity != diag.Error {
			continue
		}
		if d.Subject == nil || d.Subject.Start.Line < 1 || d.Subject.Start.Column < 1 {
			t.Fatalf("error diagnostic without a position: %#v", d)
		}
	}
}
