package report

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The HTML page has one full golden, testdata/golden/html.html (TestGolden),
// which pins the head, the style sheet, the file list and every file's
// section. The system and claims variants of the page are golden-tested
// here only where they differ from it: the parts they add or change are
// cut out of the rendered page and compared with small golden files, and
// what is left must be the base page's rendering, byte for byte.

// span is the lines [from, to) of a page.
type span struct{ from, to int }

// pageLines splits a rendered page into its lines.
func pageLines(page []byte) []string {
	return strings.Split(string(page), "\n")
}

var tagName = regexp.MustCompile(`^<([a-z][a-z0-9]*)[\s>]`)

// elementSpan finds the element whose start tag carries id and returns the
// whole lines it takes: the start tag must open its line and the matching
// end tag close one, as the page's templates write sections.
func elementSpan(t *testing.T, lines []string, id string) span {
	t.Helper()
	attr := ` id="` + id + `"`
	for i, l := range lines {
		if !strings.Contains(l, attr) {
			continue
		}
		m := tagName.FindStringSubmatch(l)
		if m == nil || strings.Index(l, ">") < strings.Index(l, attr) {
			t.Fatalf("line %d carries %s but does not open with its element's start tag: %s", i+1, attr, l)
		}
		open, closing := "<"+m[1], "</"+m[1]+">"
		depth := 0
		for j := i; j < len(lines); j++ {
			depth += countTag(lines[j], open) - strings.Count(lines[j], closing)
			if depth == 0 {
				if !strings.HasSuffix(lines[j], closing) {
					t.Fatalf("the element %s ends inside line %d: %s", attr, j+1, lines[j])
				}
				return span{i, j + 1}
			}
		}
		t.Fatalf("the element %s (line %d) is never closed", attr, i+1)
	}
	t.Fatalf("the page has no element with%s", attr)
	return span{}
}

// countTag counts the start tags of one element name in a line, so that
// <section does not count <sections or <section-like names.
func countTag(line, open string) int {
	n := 0
	for rest := line; ; {
		i := strings.Index(rest, open)
		if i < 0 {
			return n
		}
		rest = rest[i+len(open):]
		if rest == "" || rest[0] == ' ' || rest[0] == '>' {
			n++
		}
	}
}

// linesWithin finds, inside in, the lines from the first that starts with
// first up to the first that ends with last (included), or, when last is
// empty, up to the next line that starts like the first line's tag (a
// heading's block: the heading and what follows up to the next heading of
// its level).
func linesWithin(t *testing.T, lines []string, in span, first, last string) span {
	t.Helper()
	for i := in.from; i < in.to; i++ {
		if !strings.HasPrefix(lines[i], first) {
			continue
		}
		if last == "" {
			next := lines[i][:strings.Index(lines[i], ">")+1]
			for j := i + 1; j < in.to; j++ {
				if strings.HasPrefix(lines[j], next) {
					return span{i, j}
				}
			}
			return span{i, in.to}
		}
		for j := i; j < in.to; j++ {
			if strings.HasSuffix(lines[j], last) {
				return span{i, j + 1}
			}
		}
		t.Fatalf("the lines from %q (line %d) never end with %q", first, i+1, last)
	}
	t.Fatalf("no line between %d and %d starts with %q", in.from+1, in.to, first)
	return span{}
}

// joinLines puts lines back together as the page had them.
func joinLines(parts ...[]string) string {
	var all []string
	for _, p := range parts {
		all = append(all, p...)
	}
	return strings.Join(all, "\n")
}

// sameAsBase fails the test when what is left of a variant of the page is
// not the base page's rendering.
func sameAsBase(t *testing.T, variant, rest, base string) {
	t.Helper()
	if rest != base {
		t.Errorf("the %s page, but for the parts it adds or changes, differs from the base page's rendering (the one testdata/golden/html.html pins):\n%s", variant, firstDiff(base, rest))
	}
}

// TestSystemHTMLGolden: a system run's page is the base page with the
// system section first, right after the page header and set off from it
// by a blank line. The section is compared with
// testdata/golden/system/html-section.html.
func TestSystemHTMLGolden(t *testing.T) {
	plain, opts := goldenReport(t)
	base := pageLines(render(t, "html", plain, opts))
	rep, opts := systemFixture(t)
	page := pageLines(render(t, "html", rep, opts))
	sec := elementSpan(t, page, "system")
	compareGolden(t, "html", filepath.Join("testdata", "golden", "system", "html-section.html"), []byte(joinLines(page[sec.from:sec.to])+"\n"))
	if sec.from < 2 || page[sec.from-2] != "</header>" || page[sec.from-1] != "" {
		t.Errorf("the system section does not follow the page header and a blank line: it starts at line %d", sec.from+1)
		return
	}
	sameAsBase(t, "system", joinLines(page[:sec.from-1], page[sec.to:]), joinLines(base))
}

// TestClaimsHTMLGolden: with a claim ledger on one review, the page
// changes only in that review's section: the gate paragraph gains the
// trust figure and a Claims table comes before the findings. Both are
// compared with testdata/golden/claims/html-changes.html; the page
// without the table and with the base page's gate paragraph is the base
// page.
func TestClaimsHTMLGolden(t *testing.T) {
	plain, opts := goldenReport(t)
	base := pageLines(render(t, "html", plain, opts))
	rep, opts := claimsReport(t)
	page := pageLines(render(t, "html", rep, opts))
	var id string
	for i, f := range rep.Files {
		if len(f.Claims) > 0 {
			id = fmt.Sprintf("file-%d", i+1) // the anchor html.go gives the file's section
		}
	}
	if id == "" {
		t.Fatal("the claims report has no review with claims")
	}
	file := elementSpan(t, page, id)
	gate := linesWithin(t, page, file, "<p>Gate: ", "</p>")
	claims := linesWithin(t, page, file, "<h3>Claims</h3>", "")
	if gate.to > claims.from {
		t.Fatalf("the Claims table (line %d) comes before the gate paragraph (line %d)", claims.from+1, gate.from+1)
	}
	compareGolden(t, "html", filepath.Join("testdata", "golden", "claims", "html-changes.html"), []byte(joinLines(page[gate.from:gate.to], page[claims.from:claims.to])+"\n"))
	baseGate := linesWithin(t, base, elementSpan(t, base, id), "<p>Gate: ", "</p>")
	rest := joinLines(page[:gate.from], base[baseGate.from:baseGate.to], page[gate.to:claims.from], page[claims.to:])
	sameAsBase(t, "claims", rest, joinLines(base))
}
