package document

import (
	"sort"

	"github.com/archvet/archvet/internal/diag"
)

// Index maps logical paths to source ranges, so that a finding about a
// value, or about a value that is missing, can point into the file.
type Index struct {
	filename string
	ranges   map[string]diag.Range
}

// NewIndex returns an empty index for one file. Ranges added without a
// filename get this one.
func NewIndex(filename string) *Index {
	return &Index{filename: filename, ranges: map[string]diag.Range{}}
}

// Add records the range of path, replacing any earlier one.
func (ix *Index) Add(path string, r diag.Range) {
	if r.Filename == "" {
		r.Filename = ix.filename
	}
	ix.ranges[path] = r
}

// addFirst keeps an existing range: the first spelling of a value is the
// one worth pointing at.
func (ix *Index) addFirst(path string, r diag.Range) {
	if _, ok := ix.ranges[path]; !ok {
		ix.Add(path, r)
	}
}

func (ix *Index) has(path string) bool {
	_, ok := ix.ranges[path]
	return ok
}

// Resolve returns the range of path, or, when path itself is absent, of
// its nearest ancestor that is present (exact=false): a finding about a
// missing key is best shown on the object that lacks it. ok=false only
// when not even the root ("") is indexed.
func (ix *Index) Resolve(path string) (r diag.Range, exact bool, ok bool) {
	if ix == nil {
		return diag.Range{}, false, false
	}
	if r, ok := ix.ranges[path]; ok {
		return r, true, true
	}
	segs := splitPath(path)
	for i := len(segs) - 1; i >= 1; i-- {
		if r, ok := ix.ranges[path[:segs[i].start]]; ok {
			return r, false, true
		}
	}
	if r, ok := ix.ranges[""]; ok {
		return r, false, true
	}
	return diag.Range{}, false, false
}

// Paths returns all indexed paths, sorted.
func (ix *Index) Paths() []string {
	if ix == nil {
		return nil
	}
	out := make([]string, 0, len(ix.ranges))
	for p := range ix.ranges {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
