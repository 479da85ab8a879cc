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
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/archvet/archvet/internal/atomicfile"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/regularfile"
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

// markerRE matches a marker line exactly as Marker.String writes it.
var markerRE = regexp.MustCompile(`^<!-- archvet:(decision|rule)=(\S+) service=(\S*) -->$`)

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
	// width is the number of digits of the highest-numbered file's name,
	// so a directory of 001-… files goes on with 032-…, not 0032-….
	width int
	// dated is set when every numbered file is named YYYYMMDD-slug.md, as
	// log4brains names them: new files are then named by their date too.
	dated  bool
	names  map[string]bool   // file names, to avoid a dated name twice
	marked map[Marker]string // marker -> file
}

// numbered matches the ADR file names adr-tools counts: leading digits
// (any number of them: 001, 0001, 12), a dash, a slug.
var numbered = regexp.MustCompile(`^(\d+)-.*\.md$`)

// defaultWidth is adr-tools' zero padding, for a directory that holds no
// numbered ADR yet.
const defaultWidth = 4

// maxTail bounds how much of the end of a file is read when looking for
// a marker: archvet writes it as the file's last line.
const maxTail = 64 << 10

func scanDir(dir string) (existing, error) {
	ex := existing{width: defaultWidth, names: map[string]bool{}, marked: map[Marker]string{}}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return ex, nil
	}
	if err != nil {
		return ex, err
	}
	count, dates := 0, 0
	for _, e := range entries {
		name := e.Name()
		ex.names[name] = true
		if m := numbered.FindStringSubmatch(name); m != nil {
			count++
			if isDate(m[1]) {
				dates++
			}
			if n, err := strconv.Atoi(m[1]); err == nil && n >= ex.highest {
				ex.highest, ex.width = n, len(m[1])
			}
		}
		if !strings.HasSuffix(strings.ToLower(name), ".md") {
			continue
		}
		p := filepath.Join(dir, name)
		mk, ok, err := readMarker(p)
		if err != nil {
			return ex, err
		}
		if _, seen := ex.marked[mk]; ok && !seen {
			ex.marked[mk] = p
		}
	}
	ex.dated = count > 0 && dates == count
	return ex, nil
}

// isDate reports a YYYYMMDD file-name prefix, as log4brains writes them.
func isDate(digits string) bool {
	if len(digits) != 8 {
		return false
	}
	_, err := time.Parse("20060102", digits)
	return err == nil
}

// readMarker reads archvet's marker from the last line of an ADR file. A
// marker anywhere else in the file is text, not archvet's: the review's
// own words are escaped when an ADR is written, and a marker line
// somebody pasted into the middle of an ADR does not claim the decision.
// Only regular files are read, and only their tail.
func readMarker(path string) (Marker, bool, error) {
	buf, err := regularfile.Tail(path, maxTail)
	switch {
	case errors.Is(err, regularfile.ErrNotRegular), errors.Is(err, fs.ErrNotExist):
		return Marker{}, false, nil // a directory, a FIFO, a dangling link: not an ADR
	case err != nil:
		return Marker{}, false, err
	}
	text := strings.TrimRight(string(buf), " \t\r\n")
	last := text[strings.LastIndexByte(text, '\n')+1:]
	m := markerRE.FindStringSubmatch(last)
	if m == nil {
		return Marker{}, false, nil
	}
	id, err1 := url.QueryUnescape(m[2])
	svc, err2 := url.QueryUnescape(m[3])
	if err1 != nil || err2 != nil {
		return Marker{}, false, nil
	}
	return Marker{Kind: m[1], ID: id, Service: svc}, true, nil
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
// numbered after the highest number already there, with as many digits:
// decisions first, in the review's order, then decisions needed, by rule
// id. In a directory of date-named ADRs (log4brains' YYYYMMDD-slug.md)
// new files are named by their date instead, and carry no number.
func NewPlan(dir string, in Input, tmpl Template) (*Plan, error) {
	ex, err := scanDir(dir)
	if err != nil {
		return nil, err
	}
	p := &Plan{Dir: dir}
	next := ex.highest + 1
	planned := map[Marker]bool{}
	add := func(mk Marker, title, date, recorded string, render func(n int) ([]byte, error)) error {
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
		n, name := next, fmt.Sprintf("%0*d-%s.md", ex.width, next, Slug(title))
		if ex.dated {
			n, name = 0, datedName(ex.names, date, Slug(title))
		}
		body, err := render(n)
		if err != nil {
			return err
		}
		planned[mk], ex.names[name] = true, true
		p.Files = append(p.Files, File{Path: filepath.Join(dir, name), Number: n, Title: title, Marker: mk, Content: body})
		if !ex.dated {
			next++
		}
		return nil
	}
	for _, d := range in.Decisions {
		mk := Marker{Kind: "decision", ID: d.ID, Service: in.Service}
		date := d.Date
		if date == "" {
			date = in.Date
		}
		if err := add(mk, d.Title, date, recordedADR(in.Design, d.Record), func(n int) ([]byte, error) {
			return renderDecision(tmpl, n, d, in, dir, mk)
		}); err != nil {
			return nil, err
		}
	}
	needed := append([]Needed(nil), in.Needed...)
	sort.Slice(needed, func(i, j int) bool { return needed[i].RuleID < needed[j].RuleID })
	for _, nd := range needed {
		mk := Marker{Kind: "rule", ID: nd.RuleID, Service: in.Service}
		if err := add(mk, nd.Question, in.Date, "", func(n int) ([]byte, error) {
			return renderNeeded(tmpl, n, nd, in, dir, mk)
		}); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// datedName is a log4brains file name, YYYYMMDD-slug.md, made unique in
// the directory with a -2, -3... suffix.
func datedName(taken map[string]bool, date, slug string) string {
	day := strings.ReplaceAll(date, "-", "")
	if !isDate(day) {
		day = "00000000"
	}
	name := day + "-" + slug + ".md"
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s-%s-%d.md", day, slug, i)
	}
	return name
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
