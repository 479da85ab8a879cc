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
// is about, and none sits on a comment line. A missing field is shown on
// the section that should hold it, a missing section at the service
// block, and the message then says which section is absent.
func TestNoFindingOnACommentOrAtOneOne(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "design.*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	dir := t.TempDir()
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
			// The fields of the JSON report (docs/report-json.md) this test reads.
			var rep struct {
				Files []struct {
					Results []struct {
						Rule     string
						Message  string
						Location *struct {
							Path         string
							Line, Column int
							Field        string
							Exact        *bool
						}
					}
				}
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
					if strings.HasPrefix(text, "#") || strings.HasPrefix(text, "//") {
						t.Errorf("%s %s is shown on a comment, %s:%d: %q", r.Rule, loc.Field, loc.Path, loc.Line, text)
					}
					if loc.Line == 1 && loc.Column == 1 && !(loc.Exact != nil && *loc.Exact) {
						t.Errorf("%s %s is shown at 1:1, which is not the field", r.Rule, loc.Field)
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
			if strings.HasPrefix(filepath.Base(file), "starter.") && absent == 0 {
				t.Error("a starter leaves most sections out, yet no message says a section is absent")
			}
		})
	}
}
