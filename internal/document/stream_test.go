package document

import (
	"testing"
)

func TestLoadYAMLStream(t *testing.T) {
	src := "# leading comment\n---\nkind: API\nmetadata: {name: a}\n---\n# only a comment\n--- \nkind: Component\nspec:\n  owner: team-x\n...\n"
	docs, ds := LoadYAMLStream("c.yaml", []byte(src))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	if docs[1].Value["kind"] != "Component" {
		t.Errorf("second document = %v", docs[1].Value)
	}
	r, exact, ok := docs[1].Index.Resolve("spec.owner")
	if !ok || !exact || r.Start.Line != 10 || r.Start.Column != 3 || r.Filename != "c.yaml" {
		t.Errorf("spec.owner at %v", r)
	}
	if got := src[r.Start.Byte : r.Start.Byte+5]; got != "owner" {
		t.Errorf("byte offset points at %q", got)
	}
}

func TestLoadYAMLStreamErrorsPointIntoTheFile(t *testing.T) {
	_, ds := LoadYAMLStream("c.yaml", []byte("a: 1\n---\nb: [oops\n"))
	if !ds.HasErrors() || ds[0].Subject == nil || ds[0].Subject.Start.Line != 3 {
		t.Fatalf("diagnostics %v, want an error on line 3", ds)
	}
}

func TestHasMarkdownReview(t *testing.T) {
	for src, want := range map[string]bool{
		"---\nformat_version: 1\nservice: {name: a}\n---\n# Doc\n":               true,
		"---\ntitle: Blog post\n---\n```yaml archvet\nformat_version: 1\n```\n":  true, // the explicit block wins, as in LoadMarkdown
		"# Doc\n\n```yaml archvet\nformat_version: 1\n```\n":                     true,
		"# Doc\n\n````markdown\n```yaml archvet\nformat_version: 1\n```\n````\n": false,
		"# README\n\nSet `format_version: 1` in the review.\n":                   false,
		"# Doc\n\n```yaml\nformat_version: 1\n```\n":                             false,
		"---\nformat_version: 1\n# never closed\n":                               true,
		"---\nservice:\n  format_version: 1\n---\n":                              false,
	} {
		if got := HasMarkdownReview([]byte(src)); got != want {
			t.Errorf("HasMarkdownReview(%q) = %v, want %v", src, got, want)
		}
	}
}

// OpenSLO's tools also read a top-level list of objects: each object is a
// document, its paths rooted at the object and its positions in the file.
func TestLoadYAMLStreamSplitsATopLevelList(t *testing.T) {
	src := "- kind: SLO\n  metadata:\n    name: a\n- kind: SLI\n  spec: [1, 2]\n"
	docs, ds := LoadYAMLStream("l.yaml", []byte(src))
	if len(ds) > 0 || len(docs) != 2 {
		t.Fatalf("%d docs, %v", len(docs), ds)
	}
	for path, want := range map[string]int{"metadata.name": 3, "kind": 1} {
		if r, exact, _ := docs[0].Index.Resolve(path); !exact || r.Start.Line != want {
			t.Errorf("%s at %d (exact %v), want line %d", path, r.Start.Line, exact, want)
		}
	}
	if r, exact, _ := docs[1].Index.Resolve("spec[1]"); !exact || r.Start.Line != 5 || r.Start.Column != 13 {
		t.Errorf("spec[1] at %d:%d", r.Start.Line, r.Start.Column)
	}
	_, ds = LoadYAMLStream("l.yaml", []byte("- kind: SLO\n- just a string\n"))
	if len(ds) != 1 || ds[0].Error() != "l.yaml:2:3: error: the entries of a top-level list must be mappings of keys to values, not a string" {
		t.Errorf("a string entry: %v", ds)
	}
}
