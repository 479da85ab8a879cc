package document_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/schema"
)

// exampleIndexes loads every example design review (YAML, HCL and
// Markdown) with the real schema's shape: their indexes are what findings
// are resolved against in practice.
func exampleIndexes(tb testing.TB) []*document.Document {
	tb.Helper()
	sch, err := schema.Load()
	if err != nil {
		tb.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "design.*"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no examples found: %v", err)
	}
	var docs []*document.Document
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		doc, ds := document.Load(name, src, sch)
		if doc == nil || ds.HasErrors() {
			tb.Fatalf("%s: %v", name, ds)
		}
		docs = append(docs, doc)
	}
	return docs
}

// pathSegment is one step of a logical path, decoded: an object key or a
// list index.
type pathSegment struct {
	key   string
	index int
	isIdx bool
}

// decodePath parses a path written by JoinKey and JoinIndex. It is written
// independently of the package's own parser, from the spelling JoinKey
// documents: bare keys joined with ".", other keys as a quoted string in
// brackets, indices as [N]. ok is false for anything else.
func decodePath(p string) (segs []pathSegment, ok bool) {
	for i := 0; i < len(p); {
		switch {
		case p[i] == '[' && i+1 < len(p) && p[i+1] == '"':
			q, err := strconv.QuotedPrefix(p[i+1:])
			if err != nil || !strings.HasPrefix(p[i+1+len(q):], "]") {
				return nil, false
			}
			key, err := strconv.Unquote(q)
			if err != nil {
				return nil, false
			}
			segs = append(segs, pathSegment{key: key})
			i += 1 + len(q) + 1
		case p[i] == '[':
			end := strings.IndexByte(p[i:], ']')
			if end < 2 {
				return nil, false
			}
			n, err := strconv.Atoi(p[i+1 : i+end])
			if err != nil || n < 0 || strconv.Itoa(n) != p[i+1:i+end] {
				return nil, false
			}
			segs = append(segs, pathSegment{index: n, isIdx: true})
			i += end + 1
		default:
			if p[i] == '.' {
				if i == 0 {
					return nil, false
				}
				i++
			} else if i != 0 {
				return nil, false
			}
			end := i
			for end < len(p) && p[end] != '.' && p[end] != '[' {
				end++
			}
			if end == i {
				return nil, false
			}
			segs = append(segs, pathSegment{key: p[i:end]})
			i = end
		}
	}
	return segs, true
}

// ancestors lists p and every prefix of p that could name an ancestor:
// the root, and each prefix that ends where a "." or "[" begins or just
// after a "]". A malformed path has no segments past its malformed part,
// so the well-formed part before it still counts.
func ancestors(p string) []string {
	out := []string{"", p}
	for i := 1; i < len(p); i++ {
		if p[i] == '.' || p[i] == '[' || p[i-1] == ']' {
			out = append(out, p[:i])
		}
	}
	return out
}

// checkResolve holds for any path, well-formed or not: Resolve does not
// panic, always finds something (every example indexes its root), and
// what it finds is the range of an indexed ancestor of the path, exact
// only when that ancestor is the path itself.
func checkResolve(t *testing.T, doc *document.Document, ranges map[string]diag.Range, path string) (diag.Range, bool) {
	t.Helper()
	r, exact, ok := doc.Index.Resolve(path)
	if !ok {
		t.Fatalf("%s: Resolve(%q) found nothing, not even the root", doc.Path, path)
	}
	if !r.Start.Known() {
		t.Fatalf("%s: Resolve(%q) = a range without a position", doc.Path, path)
	}
	if _, indexed := ranges[path]; indexed != exact {
		t.Fatalf("%s: Resolve(%q): exact=%v, but the path is indexed: %v", doc.Path, path, exact, indexed)
	}
	for _, a := range ancestors(path) {
		if ar, indexed := ranges[a]; indexed && ar == r {
			return r, exact
		}
	}
	t.Fatalf("%s: Resolve(%q) = %v (exact=%v), which is no indexed ancestor's range", doc.Path, path, r, exact)
	return r, exact
}

// FuzzIndex checks the position index of the examples against arbitrary
// paths, and JoinKey and JoinIndex against arbitrary keys: every joined
// path parses back into the segments it was built from, and resolves to
// itself or, when absent, to the indexed path it was joined onto.
func FuzzIndex(f *testing.F) {
	docs := exampleIndexes(f)
	paths := make([][]string, len(docs))
	ranges := make([]map[string]diag.Range, len(docs))
	for i, doc := range docs {
		paths[i] = doc.Index.Paths()
		ranges[i] = map[string]diag.Range{}
		for _, p := range paths[i] {
			ranges[i][p], _, _ = doc.Index.Resolve(p)
		}
	}
	// Seeds: every indexed path of the first example, with a plain key,
	// and malformed paths with a key that needs quoting.
	for i, p := range paths[0] {
		f.Add(p, "name", uint(i), uint(i%3))
	}
	for _, p := range []string{`labels["a.b"].c`, `x["unterminated`, "dependencies[x]", "dependencies[-1]",
		"[", "]", ".", "..", "a..b", "[0", `["\xff"]`, "dependencies[99999999999999999999]",
		"service.name[0][", "service]x", "dependencies[0]x", "servicex"} {
		f.Add(p, `say "hi"`, uint(0), uint(1))
	}
	f.Add("", "", uint(0), uint(0))
	f.Add("service", "a.b", uint(1), uint(2))
	f.Add("service", "[0]", uint(2), uint(7))
	f.Add("service", "\x00\xff\u2028", uint(3), uint(9))
	f.Fuzz(func(t *testing.T, path, key string, pick, index uint) {
		index %= 1 << 20
		for d, doc := range docs {
			// Any string is a path to resolve.
			checkResolve(t, doc, ranges[d], path)

			// A key or an index joined onto an indexed path parses back,
			// segment for segment, and resolves to itself when indexed,
			// else to the path it was joined onto.
			base := paths[d][int(pick%uint(len(paths[d])))]
			baseSegs, ok := decodePath(base)
			if !ok {
				t.Fatalf("%s: indexed path %q does not parse", doc.Path, base)
			}
			for _, joined := range []struct {
				path string
				want pathSegment
			}{
				{document.JoinKey(base, key), pathSegment{key: key}},
				{document.JoinIndex(base, int(index)), pathSegment{index: int(index), isIdx: true}},
			} {
				segs, ok := decodePath(joined.path)
				if !ok || len(segs) != len(baseSegs)+1 {
					t.Fatalf("joining onto %q gives %q, which parses into %d segments (ok=%v), want %d",
						base, joined.path, len(segs), ok, len(baseSegs)+1)
				}
				for i := range baseSegs {
					if segs[i] != baseSegs[i] {
						t.Fatalf("%q: segment %d is %+v, want %+v", joined.path, i, segs[i], baseSegs[i])
					}
				}
				if last := segs[len(segs)-1]; last != joined.want {
					t.Fatalf("%q: last segment is %+v, want %+v", joined.path, last, joined.want)
				}
				r, exact := checkResolve(t, doc, ranges[d], joined.path)
				if !exact && r != ranges[d][base] {
					t.Fatalf("%s: %q is not indexed and resolves to %v, not to %q at %v", doc.Path, joined.path, r, base, ranges[d][base])
				}
				// A missing field below it resolves to it, or lower.
				below := document.JoinKey(joined.path, "missing-field")
				if rb, exact := checkResolve(t, doc, ranges[d], below); !exact && rb != r {
					t.Fatalf("%s: %q resolves to %v, not to %q at %v", doc.Path, below, rb, joined.path, r)
				}
			}
		}
	})
}
