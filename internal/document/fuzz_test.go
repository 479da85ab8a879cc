package document

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/archvet/archvet/internal/diag"
)

// seed adds the test inputs of the given format to the corpus. Inputs of
// many kilobytes (the 10,000-level files) are left out: the fuzzer spends
// its time minimising them instead of exploring, and TestErrors covers
// them already.
func seed(f *testing.F, format Format, extra ...string) {
	for _, c := range errorCases {
		if got, _ := FormatOf(c.name); got == format && len(c.src) <= 4096 {
			f.Add([]byte(c.src))
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
	// The examples are real design reviews: mutating them explores the
	// decoder's happy paths, which the error cases above never reach.
	exts := map[Format]string{YAML: "yaml", HCL: "hcl", Markdown: "md"}
	examples, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "design."+exts[format]))
	if err != nil || len(examples) == 0 {
		f.Fatalf("no %s examples to seed from: %v", format, err)
	}
	for _, name := range examples {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
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

// watchdog crashes the fuzzing process when one input runs for too long:
// the fuzzer has no timeout of its own, so a hang would pass unnoticed,
// while a crash makes it save the input. Call the result when done.
func watchdog(src []byte) (stop func()) {
	t := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("input took over 10s: %q", src)) })
	return func() { t.Stop() }
}

func FuzzLoadYAML(f *testing.F) {
	seed(f, YAML, positionsYAML, string(readTestdata(f, "twin.yaml")), deepYAMLBlock(300),
		"a: "+strings.Repeat("[", 300)+strings.Repeat("]", 300),
		"a: &a {b: 1}\nc: {<<: *a, d: 2}\n", bom+"a: 1\n", "a: 1\r\nb:\r  c\u2028d: 2\n")
	f.Fuzz(func(t *testing.T, src []byte) {
		defer watchdog(src)()
		doc, ds := LoadYAML("f.yaml", src)
		checkLoad(t, doc, ds)
	})
}

func FuzzLoadHCL(f *testing.F) {
	seed(f, HCL, positionsHCL, string(readTestdata(f, "twin.hcl")),
		strings.Repeat("a {\n", 300)+strings.Repeat("}\n", 300))
	f.Fuzz(func(t *testing.T, src []byte) {
		defer watchdog(src)()
		doc, ds := LoadHCL("f.hcl", src, shape)
		checkLoad(t, doc, ds)
	})
}

func FuzzLoadMarkdown(f *testing.F) {
	seed(f, Markdown, frontMatterMD, fencedMD)
	f.Fuzz(func(t *testing.T, src []byte) {
		defer watchdog(src)()
		doc, ds := LoadMarkdown(filepath.Join("docs", "f.md"), src)
		checkLoad(t, doc, ds)
	})
}
