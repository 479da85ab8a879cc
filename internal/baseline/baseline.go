// Package baseline lets a team adopt archvet on an existing design without
// fixing everything first: a baseline file records today's findings, and
// later runs fail the gate only on findings that are not in it.
//
// Findings are matched by their fingerprint (report.IdentityFingerprint of
// rule, file and identity key), the same identity SARIF's
// partialFingerprints carry. The key names list entries by name
// (dependencies[payments].timeout_ms), so a finding keeps matching when
// lines move and when entries are inserted or reordered. Files are written
// relative to the repository root (see Root), so a baseline made at the
// top matches a run from a subdirectory. Identical fingerprints are
// matched by count: if the baseline holds two and the run finds three,
// one is new.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/atomicfile"
	"github.com/archvet/archvet/internal/report"
	"github.com/archvet/archvet/rules"
)

// Version is the format version of baseline files this package writes
// and reads. Version 1 files named list entries by index and paths
// relative to the working directory; their fingerprints cannot be
// recomputed from a run, so they are refused with a request to
// regenerate.
const Version = 2

// DefaultPath is where `archvet baseline` writes and teams keep the file.
const DefaultPath = "archvet-baseline.json"

// File is a baseline: the findings accepted as they are.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding. Only the fingerprint is matched; the rest
// tells a reviewer what was accepted.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Severity    string `json:"severity"`
	// Path is the file relative to the root (see Root), slash-separated.
	Path string `json:"path"`
	// Field is the path the policy reported; Key is its identity, list
	// entries by name. Key is what the fingerprint hashes.
	Field   string `json:"field,omitempty"`
	Key     string `json:"key,omitempty"`
	Message string `json:"message"`
}

// Root is the directory a baseline's paths are relative to, for files
// outside any repository: the directory of the configuration file when
// one is used, else the working directory (""). A file inside a
// repository is always written relative to that repository's root, the
// nearest directory above it holding .git.
type Root string

func (r Root) path(file string) string { return report.IdentityPath(file, string(r)) }

// finding is one failed finding of a run, with what the gate and the
// report need to know about it.
type finding struct {
	Entry
	ref      report.FindingRef
	severity rules.Severity
}

// findings lists the failed findings of a run, in report order. Waived
// findings are left out: they are accepted already, and never gate.
func findings(rep checks.Report, root Root) []finding {
	var out []finding
	for _, f := range rep.Files {
		if f.Broken {
			continue
		}
		path := root.path(f.Path)
		for _, r := range f.Results {
			if r.Rule == nil || (r.Status != checks.Fail && r.Status != checks.Waived) {
				continue
			}
			for i, fd := range r.Findings {
				if fd.IsWaived() {
					continue
				}
				out = append(out, finding{
					Entry: Entry{Fingerprint: report.IdentityFingerprint(path, r.Rule.ID, fd.Key), Rule: r.Rule.ID, Severity: r.Rule.Severity.String(),
						Path: path, Field: fd.Field, Key: fd.Key, Message: fd.Message},
					ref:      report.FindingRef{Path: f.Path, Rule: r.Rule.ID, Index: i},
					severity: r.Rule.Severity,
				})
			}
		}
	}
	return out
}

// FromReport records every failed finding of a run as a baseline, sorted so
// that the file diffs cleanly when it is regenerated.
func FromReport(rep checks.Report, root Root) File {
	b := File{Version: Version, Tool: "archvet", Findings: []Entry{}}
	for _, f := range findings(rep, root) {
		b.Findings = append(b.Findings, f.Entry)
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		if x.Key != y.Key {
			return x.Key < y.Key
		}
		return x.Message < y.Message
	})
	return b
}

// Write encodes a baseline as indented JSON.
func Write(w io.Writer, b File) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// Save writes a baseline file atomically.
func Save(path string, b File) error {
	var buf bytes.Buffer
	if err := Write(&buf, b); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes(), 0o644)
}

// Read decodes a baseline and checks it is one this version understands.
func Read(r io.Reader) (File, error) {
	var b File
	dec := json.NewDecoder(r)
	if err := dec.Decode(&b); err != nil {
		return b, fmt.Errorf("not a baseline file: %w", err)
	}
	if b.Version == 1 {
		return b, fmt.Errorf("baseline format version 1 names list entries by their index, which inserting an entry changes; regenerate it with archvet baseline")
	}
	if b.Version != Version {
		return b, fmt.Errorf("baseline format version %d is not supported (want %d); regenerate it with archvet baseline", b.Version, Version)
	}
	for i, e := range b.Findings {
		if e.Fingerprint == "" {
			return b, fmt.Errorf("finding %d has no fingerprint", i)
		}
	}
	return b, nil
}

// Load reads a baseline file.
func Load(path string) (File, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return File{}, fmt.Errorf("baseline %s: %w", path, err)
	}
	defer f.Close()
	b, err := Read(f)
	if err != nil {
		return b, fmt.Errorf("baseline %s: %w", path, err)
	}
	return b, nil
}

// Comparison is a run set against a baseline.
type Comparison struct {
	// New are findings the baseline does not hold; only they fail the gate.
	New []Entry
	// Present are findings the baseline holds.
	Present []Entry
	// Fixed are baseline findings of the files checked that the run no
	// longer finds. Findings of files outside the run are not counted.
	Fixed []Entry

	newRefs  map[report.FindingRef]bool
	newBySev map[string]map[rules.Severity]int
}

// Compare matches a run's failed findings against a baseline.
func Compare(b File, rep checks.Report, root Root) Comparison {
	c := Comparison{newRefs: map[report.FindingRef]bool{}, newBySev: map[string]map[rules.Severity]int{}}
	remaining := map[string]int{}
	for _, e := range b.Findings {
		remaining[e.Fingerprint]++
	}
	for _, f := range findings(rep, root) {
		if remaining[f.Fingerprint] > 0 {
			remaining[f.Fingerprint]--
			c.Present = append(c.Present, f.Entry)
			continue
		}
		c.New = append(c.New, f.Entry)
		c.newRefs[f.ref] = true
		if c.newBySev[f.ref.Path] == nil {
			c.newBySev[f.ref.Path] = map[rules.Severity]int{}
		}
		c.newBySev[f.ref.Path][f.severity]++
	}
	checked := map[string]bool{}
	for _, f := range rep.Files {
		if !f.Broken {
			checked[root.path(f.Path)] = true
		}
	}
	for _, e := range b.Findings {
		if checked[e.Path] && remaining[e.Fingerprint] > 0 {
			remaining[e.Fingerprint]--
			c.Fixed = append(c.Fixed, e)
		}
	}
	return c
}

// Gate rewrites each file's gate so that only new findings count against
// the severity threshold. The score threshold still applies: it judges the
// design as a whole, not a finding. gateFor gives the gate a file was
// judged with (the run's, or its tier profile's).
func (c Comparison) Gate(rep *checks.Report, gateFor func(checks.FileReport) checks.Gate) {
	for i := range rep.Files {
		f := &rep.Files[i]
		if f.Broken {
			continue
		}
		g := gateFor(*f)
		why := []string{}
		if g.FailOn > 0 {
			n := 0
			for sev, count := range c.newBySev[f.Path] {
				if sev >= g.FailOn {
					n += count
				}
			}
			if n > 0 {
				why = append(why, fmt.Sprintf("%d new finding(s) at severity %s or above, not in the baseline", n, g.FailOn))
			}
		}
		// The score part of the gate, with failures taken out.
		why = append(why, checks.Gate{MinScore: g.MinScore}.Check(checks.Scorecard{Overall: f.Scorecard.Overall})...)
		f.GateFailures = why
	}
}

// Summary is the comparison as the report formats show it.
func (c Comparison) Summary(path string) *report.Baseline {
	return &report.Baseline{Path: path, New: len(c.New), Present: len(c.Present), Fixed: len(c.Fixed), NewFindings: c.newRefs}
}
