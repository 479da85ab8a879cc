// Package adr turns a design review into architecture decision records:
// one ADR per decision the review records, and one "decision needed" ADR
// per failed rule that asks for a decision. It plans before it writes, so
// a dry run and a real run agree, and it never overwrites or renumbers an
// ADR: each file it writes carries a marker, and a decision whose marker
// is already in the directory is left alone.
package adr

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/archvet/archvet/internal/atomicfile"
	"github.com/archvet/archvet/internal/diag"
)

// Template is the ADR layout: MADR (the default) or Michael Nygard's.
type Template string

const (
	MADR   Template = "madr"
	Nygard Template = "nygard"
)

// ParseTemplate checks a --template value.
func ParseTemplate(s string) (Template, error) {
	switch Template(strings.ToLower(s)) {
	case MADR, "":
		return MADR, nil
	case Nygard:
		return Nygard, nil
	}
	return "", fmt.Errorf("unknown template %q: want madr or nygard", s)
}

// Decision is one entry of the design review's decisions list.
type Decision struct {
	ID, Title, Topic, Status, Date string
	Context, Outcome, Consequences string
	Revisit, Record                string
	Options                        []string
}

// Needed is an architecture decision a failed rule asks the team to take.
type Needed struct {
	RuleID, RuleTitle string
	Description       string // why the rule matters
	Topic, Question   string
	Drivers           []string
	Options           []Option
	// Findings are what the rule found, each where it points.
	Findings []Finding
}

// Finding is one message of a failed rule and where it points.
type Finding struct {
	Message  string
	Location diag.Range
}

// Option is one choice of a decision needed, with its pros and cons.
type Option struct {
	Name       string
	Pros, Cons []string
}

// Input is what the ADRs are made from.
type Input struct {
	// Design is the design review's path; Service and Owner come from it.
	Design         string
	Service, Owner string
	Decisions      []Decision
	Needed         []Needed
	// Date is today's date (YYYY-MM-DD), used where a decision has none.
	Date string
}

// Marker identifies the decision an ADR file was generated for.
type Marker struct {
	Kind    string // "decision" or "rule"
	ID      string // the decision id or the rule id
	Service string
}

func (m Marker) String() string {
	return fmt.Sprintf("<!-- archvet:%s=%s service=%s -->", m.Kind, url.QueryEscape(m.ID), url.QueryEscape(m.Service))
}

var markerRE = regexp.MustCompile(`<!--\s*archvet:(decision|rule)=(\S+)\s+service=(\S*)\s*-->`)

// File is one ADR of the plan: to be created, or already in the directory.
type File struct {
	Path    string // where it is, or will be
	Number  int
	Title   string
	Marker  Marker
	Exists  bool   // recorded already; nothing is written
	Content []byte // the text to write when !Exists
}

// Describe names what the ADR is about, for the plan's output.
func (f File) Describe() string {
	if f.Marker.Kind == "rule" {
		return "decision needed by rule " + f.Marker.ID
	}
	return "decision " + f.Marker.ID
}

// Plan is the set of ADRs for one design review in one directory.
type Plan struct {
	Dir   string
	Files []File
}

// Created lists the files the plan writes.
func (p *Plan) Created() []File {
	var out []File
	for _, f := range p.Files {
		if !f.Exists {
			out = append(out, f)
		}
	}
	return out
}

// existing is what an ADR directory already holds.
type existing struct {
	highest int
	marked  map[Marker]string // marker -> file
}

// numbered matches adr-tools file names: four digits, a dash, a slug.
var numbered = regexp.MustCompile(`^(\d{4})-.*\.md$`)

// maxScan bounds how much of one file is read when looking for a marker.
const maxScan = 1 << 20

func scanDir(dir string) (existing, error) {
	ex := existing{marked: map[Marker]string{}}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return ex, nil
	}
	if err != nil {
		return ex, err
	}
	for _, e := range entries {
		name := e.Name()
		if m := numbered.FindStringSubmatch(name); m != nil {
			n, _ := strconv.Atoi(m[1])
			ex.highest = max(ex.highest, n)
		}
		if !strings.HasSuffix(strings.ToLower(name), ".md") {
			continue
		}
		p := filepath.Join(dir, name)
		if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
			continue // a directory, a FIFO, a dangling link: not an ADR
		}
		f, err := os.Open(p)
		if err != nil {
			return ex, err
		}
		buf, err := io.ReadAll(io.LimitReader(f, maxScan))
		f.Close()
		if err != nil {
			return ex, err
		}
		for _, m := range markerRE.FindAllSubmatch(buf, -1) {
			id, _ := url.QueryUnescape(string(m[2]))
			svc, _ := url.QueryUnescape(string(m[3]))
			mk := Marker{Kind: string(m[1]), ID: id, Service: svc}
			if _, seen := ex.marked[mk]; !seen {
				ex.marked[mk] = p
			}
		}
	}
	return ex, nil
}

// Slug is the adr-tools file-name slug: the title lower-cased, each run of
// characters other than letters and digits turned into one dash, cut at a
// word boundary so file names stay readable.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	s := b.String()
	const maxLen = 60
	if len(s) > maxLen {
		cut := strings.LastIndexByte(s[:maxLen+1], '-')
		if cut <= 0 {
			cut = maxLen
		}
		s = s[:cut]
	}
	if s == "" {
		s = "decision"
	}
	return s
}

// NewPlan works out which ADRs the directory lacks and renders them,
// numbered after the highest number already there: decisions first, in
// the review's order, then decisions needed, by rule id.
func NewPlan(dir string, in Input, tmpl Template) (*Plan, error) {
	ex, err := scanDir(dir)
	if err != nil {
		return nil, err
	}
	p := &Plan{Dir: dir}
	next := ex.highest + 1
	planned := map[Marker]bool{}
	add := func(mk Marker, title string, recorded string, render func(n int) ([]byte, error)) error {
		if path, ok := ex.marked[mk]; ok {
			p.Files = append(p.Files, File{Path: path, Title: title, Marker: mk, Exists: true})
			return nil
		}
		if planned[mk] {
			return nil // the review lists the same decision twice: one ADR
		}
		if recorded != "" {
			p.Files = append(p.Files, File{Path: recorded, Title: title, Marker: mk, Exists: true})
			return nil
		}
		if next > 9999 {
			return fmt.Errorf("%s already holds ADR 9999; adr-tools numbers stop there", dir)
		}
		body, err := render(next)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, fmt.Sprintf("%04d-%s.md", next, Slug(title)))
		planned[mk] = true
		p.Files = append(p.Files, File{Path: path, Number: next, Title: title, Marker: mk, Content: body})
		next++
		return nil
	}
	for _, d := range in.Decisions {
		mk := Marker{Kind: "decision", ID: d.ID, Service: in.Service}
		if err := add(mk, d.Title, recordedADR(in.Design, d.Record), func(n int) ([]byte, error) {
			return renderDecision(tmpl, n, d, in, dir, mk)
		}); err != nil {
			return nil, err
		}
	}
	needed := append([]Needed(nil), in.Needed...)
	sort.Slice(needed, func(i, j int) bool { return needed[i].RuleID < needed[j].RuleID })
	for _, nd := range needed {
		mk := Marker{Kind: "rule", ID: nd.RuleID, Service: in.Service}
		if err := add(mk, nd.Question, "", func(n int) ([]byte, error) {
			return renderNeeded(tmpl, n, nd, in, dir, mk)
		}); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// recordedADR is the decision's own ADR, when the review names one in
// `record` and the file is there: the team wrote it, so none is generated.
func recordedADR(design, record string) string {
	if record == "" || strings.Contains(record, "://") {
		return ""
	}
	p := record
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(design), record)
	}
	if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
		return p
	}
	return ""
}

// Write creates the plan's new files. It creates the directory if needed
// and never replaces a file: if a name is taken between planning and
// writing, it stops with an error and the files already written stay.
func (p *Plan) Write() ([]File, error) {
	created := p.Created()
	if len(created) == 0 {
		return nil, nil
	}
	if err := os.MkdirAll(p.Dir, 0o755); err != nil {
		return nil, err
	}
	var done []File
	for _, f := range created {
		if err := atomicfile.WriteNew(f.Path, f.Content, 0o644); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return done, fmt.Errorf("%s appeared while archvet was writing; it was left alone, run archvet adr again", f.Path)
			}
			return done, err
		}
		done = append(done, f)
	}
	return done, nil
}
