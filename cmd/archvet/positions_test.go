package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoFindingOnACommentOrAtOneOne checks the positions a reader sees
// (issue 10 §3): no finding on a shipped example, or on a fresh `archvet
// init` starter in any format, sits at 1:1 unless line 1 is the field it
// is about, and none sits on a comment line other than the commented-out
// placeholder of the absent section it is about. A missing field is shown
// on the section that should hold it, a missing section on its
// placeholder or else at the service block, and the message then says
// which section is absent.
func TestNoFindingOnACommentOrAtOneOne(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "design.*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	dir := t.TempDir()
	// The checkout example answers everything, so it has no finding and
	// would prove nothing: check a copy of it instead, with the timeout of
	// dependency payments-gateway deleted, so that the design no longer
	// says it (an absent field, shown at an approximate position).
	broken := filepath.Join(dir, "checkout")
	if err := os.CopyFS(broken, os.DirFS(filepath.Join("..", "..", "examples", "checkout"))); err != nil {
		t.Fatal(err)
	}
	for ext, line := range map[string]string{"yaml": "    timeout_ms: 700\n", "hcl": "  timeout_ms  = 700\n"} {
		path := filepath.Join(broken, "design."+ext)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(src, []byte(line)) {
			t.Fatalf("%s: no %q to delete", path, line)
		}
		if err := os.WriteFile(path, bytes.Replace(src, []byte(line), nil, 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	kept := files[:0]
	for _, f := range files {
		if filepath.Base(filepath.Dir(f)) != "checkout" {
			kept = append(kept, f)
		}
	}
	files = append(kept, filepath.Join(broken, "design.yaml"), filepath.Join(broken, "design.hcl"))
	for _, format := range []string{"yaml", "hcl", "md"} {
		path := filepath.Join(dir, "starter."+format)
		var out, errs bytes.Buffer
		if code := run([]string{"init", "--name", "checkout", "--tier", "0", "--format", format, path}, &out, &errs); code != 0 {
			t.Fatalf("init --format %s: exit %d: %s", format, code, errs.String())
		}
		files = append(files, path)
	}
	for _, file := range files {
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			var out, errs bytes.Buffer
			if code := run([]string{"check", "--date", "2026-11-23", "--format", "json", file}, &out, &errs); code > 1 {
				t.Fatalf("exit %d: %s", code, errs.String())
			}
			var rep struct {
				Files []struct{ Results []jsonResult }
			}
			if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			findings, absent := 0, 0
			for _, f := range rep.Files {
				for _, r := range f.Results {
					loc := r.Location
					if loc == nil {
						continue
					}
					findings++
					src, err := os.ReadFile(loc.Path)
					if err != nil {
						t.Fatal(err)
					}
					lines := strings.Split(string(src), "\n")
					if loc.Line < 1 || loc.Line > len(lines) {
						t.Errorf("%s %s: line %d is not in %s", r.Rule, loc.Field, loc.Line, loc.Path)
						continue
					}
					text := strings.TrimSpace(lines[loc.Line-1])
					placeholder := strings.HasSuffix(r.Message, "section; shown at its commented-out placeholder)")
					if (strings.HasPrefix(text, "#") || strings.HasPrefix(text, "//")) && !placeholder {
						t.Errorf("%s %s is shown on a comment, %s:%d: %q", r.Rule, loc.Field, loc.Path, loc.Line, text)
					}
					if loc.Line == 1 && loc.Column == 1 && !(loc.Exact != nil && *loc.Exact) {
						t.Errorf("%s %s is shown at 1:1, which is not the field", r.Rule, loc.Field)
					}
					if placeholder {
						section := r.Message[strings.LastIndex(r.Message, "has no \"")+len("has no \""):]
						section = section[:strings.Index(section, "\"")]
						// A list's placeholder is its block: dependencies, dependency.
						if !strings.Contains(text, section[:min(len(section)-1, 6)]) {
							t.Errorf("%s %s: shown on %q, which is not the placeholder of %q", r.Rule, loc.Field, text, section)
						}
					}
					if strings.Contains(r.Message, "section; shown at") {
						absent++
						if loc.Exact != nil && *loc.Exact {
							t.Errorf("%s %s: a finding about an absent section says its position is exact", r.Rule, loc.Field)
						}
					}
				}
			}
			if findings == 0 {
				t.Fatal("no findings: the test would prove nothing")
			}
			if strings.HasPrefix(filepath.Base(file), "starter.") {
				if absent == 0 {
					t.Error("a starter leaves most sections out, yet no message says a section is absent")
				}
				// Findings spread over the sections' placeholders instead of
				// piling onto one line.
				if most := mostOnOneLine(rep.Files[0].Results); most*4 > findings {
					t.Errorf("%d of %d findings are on one line", most, findings)
				}
			}
		})
	}
}

// jsonResult holds the fields of a JSON report result (docs/report-json.md)
// the positions test reads.
type jsonResult struct {
	Rule     string
	Message  string
	Location *struct {
		Path         string
		Line, Column int
		Field        string
		Exact        *bool
	}
}

func mostOnOneLine(results []jsonResult) int {
	per := map[int]int{}
	most := 0
	for _, r := range results {
		if r.Location != nil {
			per[r.Location.Line]++
			most = max(most, per[r.Location.Line])
		}
	}
	return most
}
