package terraform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// Hostile .tf files end in an error at file:line:col, never a panic or a
// hang, and the file beside them is still read.
func TestHostileFilesAreErrorsAtTheirPosition(t *testing.T) {
	lim := fact.DefaultLimits()
	lim.MaxNesting = 20
	lim.MaxFileSize = 64 << 10
	deepBlocks := "resource \"aws_sqs_queue\" \"q\" {\n" + strings.Repeat("a {\n", 30) + strings.Repeat("}\n", 31)
	for _, c := range []struct{ name, src, want string }{
		{"brackets.tf", "x = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n", ":1:10005: error: the document nests brackets or operators more than 10000 levels deep"},
		{"operators.tf", "x = " + strings.Repeat("!", 20000) + "true\n", ":1:10005: error: the document nests brackets or operators more than 10000 levels deep"},
		{"blocks.tf", deepBlocks, ":21:1: error: the file nests blocks more than 20 levels deep"},
		{"binary.tf", "resource \"aws_sqs_queue\" \"q\" {\n  name = \"\x00\"\n}\n", ":2:11: error: file is binary"},
		{"latin1.tf", "# caf\xe9\n", ":1:6: error: file is not valid UTF-8 text"},
		{"junk.tf", "\x7fELF\x02\x01\x01 garbage {{{", ":1:1: error:"},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		good := filepath.Join(dir, "zz_good.tf")
		if err := os.WriteFile(good, []byte("resource \"aws_sqs_queue\" \"ok\" {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		v, ds := Reader{}.Read([]string{path, good}, lim)
		if !ds.HasErrors() || !strings.HasPrefix(ds[0].Error(), path+c.want) {
			t.Errorf("%s: want %s%s…, got %v", c.name, path, c.want, ds)
		}
		if n := len(v.(map[string]any)["resources"].([]any)); n != 1 {
			t.Errorf("%s: %d resources read, want the good file's one", c.name, n)
		}
	}
}

func TestAFileOverTheSizeCapIsNotRead(t *testing.T) {
	lim := fact.DefaultLimits()
	lim.MaxFileSize = 100
	path := filepath.Join(t.TempDir(), "big.tf")
	if err := os.WriteFile(path, []byte(strings.Repeat("# padding\n", 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, ds := Reader{}.Read([]string{path}, lim)
	if want := path + ": error: the artefact is 200 bytes, over the 100-byte limit"; len(ds) != 1 || !strings.HasPrefix(ds[0].Error(), want) {
		t.Errorf("want %s, got %v", want, ds)
	}
}
