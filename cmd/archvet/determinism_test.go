package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/archvet/archvet/internal/report"
)

// designToggles are edits that each switch a part of the checkout design
// from good to bad; file i applies the ones whose bit is set in i, so the
// generated designs fail different rules at different severities.
var designToggles = []struct{ from, to string }{
	{"outbox: true", "outbox: false"},
	{"jitter: true", "jitter: false"},
	{"circuit_breaker: true", "circuit_breaker: false"},
	{"idempotent: true", "idempotent: false"},
	{"    timeout_ms: 1500\n", ""},
	{"store: vault", "store: repository"},
	{"hours: 24x7", "hours: business-hours"},
	{"canary_analysis: true", "canary_analysis: false"},
	{"restore_tested: true", "restore_tested: false"},
	{"encryption_at_rest: true", "encryption_at_rest: false"},
}

// generateDesigns writes n variants of examples/checkout/design.yaml, with
// their own names and tiers, and one broken file among them.
func generateDesigns(t *testing.T, dir string, n int) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "checkout", "design.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		s := strings.Replace(string(src), "  name: checkout\n", fmt.Sprintf("  name: checkout-%04d\n", i), 1)
		s = strings.Replace(s, "  tier: 0\n", fmt.Sprintf("  tier: %d\n", i%4), 1)
		for bit, tg := range designToggles {
			if i&(1<<bit) != 0 {
				s = strings.ReplaceAll(s, tg.from, tg.to)
			}
		}
		sub := filepath.Join(dir, fmt.Sprintf("team-%02d", i%25))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("svc-%04d.yaml", i)), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	broken := "format_version: 1\nservice:\n  name: [unclosed\n"
	if err := os.WriteFile(filepath.Join(dir, "team-00", "broken.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOutputIsDeterministic checks 1,000 generated design reviews twice,
// in every format at once, and requires byte-identical output: files are
// checked in parallel, and nothing about scheduling, map order or the
// clock may leak into a report.
func TestOutputIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("checks 1,000 files; skipped with -short")
	}
	// The run is dominated by policy evaluation, which allocates freely;
	// collecting garbage less often cuts the test's time by a fifth.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	const n = 1000
	designs := t.TempDir()
	generateDesigns(t, designs, n)

	runOnce := func(out string) (string, map[string][]byte) {
		args := []string{"check", "--date", "2026-11-23", "--format", "text"}
		for _, name := range report.Names() {
			args = append(args, "--format", name+"="+filepath.Join(out, "report."+name))
		}
		args = append(args, designs)
		var stdout, stderr bytes.Buffer
		start := time.Now()
		code := run(args, &stdout, &stderr)
		t.Logf("checked %d files in every format in %s", n+1, time.Since(start).Round(time.Millisecond))
		if code != exitBadInput {
			t.Fatalf("exit %d, want 2 for the broken file; stderr:\n%s", code, stderr.String())
		}
		files := map[string][]byte{}
		for _, name := range report.Names() {
			b, err := os.ReadFile(filepath.Join(out, "report."+name))
			if err != nil {
				t.Fatal(err)
			}
			files[name] = b
		}
		return stdout.String(), files
	}
	stdout1, first := runOnce(t.TempDir())
	stdout2, second := runOnce(t.TempDir())

	if stdout1 != stdout2 {
		t.Error("the text report on standard output differs between two runs")
	}
	if !strings.Contains(stdout1, fmt.Sprintf("%d files: ", n+1)) {
		t.Errorf("the text summary does not count %d files", n+1)
	}
	for _, name := range report.Names() {
		if !bytes.Equal(first[name], second[name]) {
			t.Errorf("%s output differs between two runs of the same input", name)
		}
		if len(first[name]) == 0 {
			t.Errorf("%s output is empty", name)
		}
	}
	if md := first["markdown"]; len(md) > 65536 {
		t.Errorf("markdown for %d files is %d characters, over a GitHub comment", n, len(md))
	}
}
