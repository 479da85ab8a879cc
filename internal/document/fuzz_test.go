package document

import (
	"path/filepath"
	"testing"

	"github.com/archvet/archvet/internal/diag"
)

// seed adds every test input of the given format to the corpus.
func seed(f *testing.F, format Format, extra ...string) {
	for _, c := range errorCases {
		if got, _ := FormatOf(c.name); got == format {
			f.Add([]byte(c.src))
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// checkLoad holds what must be true of any input: a document or errors,
// never both or neither, and every error placed in the file.
func checkLoad(t *testing.T, doc *Document, ds diag.Diagnostics) {
	t.Helper()
	checkDiagnostics(t, ds)
	switch {
	case doc == nil && !ds.HasErrors():
		t.Fatal("no document and no error")
	case doc != nil && ds.HasErrors():
		t.Fatalf("a document and errors: %v", ds)
	case doc != nil && doc.Value == nil:
		t.Fatal("document without a value")
	case doc != nil:
		if _, exact, ok := doc.Index.Resolve(""); !ok || !exact {
			t.Fatal("root is not indexed")
		}
	}
}

func FuzzLoadYAML(f *testing.F) {
	seed(f, YAML, positionsYAML, string(readTestdata(f, "twin.yaml")), aliasBomb(),
		"a: &a {b: 1}\nc: {<<: *a, d: 2}\n", bom+"a: 1\n", "a: 1\r\nb:\r  c\u2028d: 2\n")
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, ds := LoadYAML("f.yaml", src)
		checkLoad(t, doc, ds)
	})
}

func FuzzLoadHCL(f *testing.F) {
	seed(f, HCL, positionsHCL, string(readTestdata(f, "twin.hcl")))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, ds := LoadHCL("f.hcl", src, shape)
		checkLoad(t, doc, ds)
	})
}

func FuzzLoadMarkdown(f *testing.F) {
	seed(f, Markdown, frontMatterMD, fencedMD)
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, ds := LoadMarkdown(filepath.Join("docs", "f.md"), src)
		checkLoad(t, doc, ds)
	})
}
