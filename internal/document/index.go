package document

import (
	"sort"
	"strconv"
	"strings"

	"github.com/archvet/archvet/internal/diag"
)

// Index maps logical paths to source ranges, so that a finding about a
// value, or about a value that is missing, can point into the file.
type Index struct {
	filename string
	ranges   map[string]diag.Range
	// ends holds, for HCL blocks, the closing brace: where a missing
	// argument of the block would be written.
	ends map[string]diag.Range
}

// NewIndex returns an empty index for one file. Ranges added without a
// filename get this one.
func NewIndex(filename string) *Index {
	return &Index{filename: filename, ranges: map[string]diag.Range{}, ends: map[string]diag.Range{}}
}

// addEnd records where the object at path ends (an HCL block's closing
// brace), the place to show a finding about a key the object lacks.
func (ix *Index) addEnd(path string, r diag.Range) {
	if r.Filename == "" {
		r.Filename = ix.filename
	}
	ix.ends[path] = r
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

// Anchors of a design review, in the order they are tried, for a finding
// about a top-level section the review does not have at all: the service
// it describes, else its format version. Both are stable: no edit of
// another section moves a finding off them.
var anchors = []string{"service", "format_version"}

// Location is where a finding about a path is shown.
type Location struct {
	Range diag.Range
	// Exact is true when the path itself is in the file.
	Exact bool
	// Absent, when set, is the top-level section the path lies in, which
	// the review does not have; Range is then that of Anchor.
	Absent string
	// Anchor is the top-level key Range belongs to when Absent is set:
	// "service", "format_version", or "" for the whole document.
	Anchor string
}

// Locate is where to show a finding about path. A path in the file is
// shown where it is. A missing key is shown on the object that should
// hold it: the key of a YAML mapping, the closing brace of an HCL block
// (where the key would be written). A path whose whole top-level section
// is missing, and the empty path (a finding about the design as a whole),
// are shown at a stable anchor (see anchors) rather than at the top of a
// file that may start with comments. ok=false only when the index has no
// root.
func (ix *Index) Locate(path string) (loc Location, ok bool) {
	if ix == nil {
		return Location{}, false
	}
	if r, found := ix.ranges[path]; found && path != "" {
		return Location{Range: r, Exact: true}, true
	}
	segs := splitPath(path)
	for i := len(segs) - 1; i >= 1; i-- {
		p := path[:segs[i].start]
		if r, found := ix.ends[p]; found {
			return Location{Range: r}, true
		}
		if r, found := ix.ranges[p]; found {
			return Location{Range: r}, true
		}
	}
	if len(segs) > 0 {
		loc.Absent = sectionName(path[segs[0].start:segs[0].end])
	}
	for _, a := range anchors {
		if r, found := ix.ranges[a]; found {
			loc.Range, loc.Anchor = r, a
			return loc, true
		}
	}
	r, found := ix.ranges[""]
	loc.Range = r
	return loc, found
}

// sectionName is a top-level segment as a key: `["a b"]` becomes a b.
func sectionName(seg string) string {
	if strings.HasPrefix(seg, `["`) {
		if k, err := strconv.Unquote(seg[1 : len(seg)-1]); err == nil {
			return k
		}
	}
	return strings.TrimPrefix(seg, ".")
}
