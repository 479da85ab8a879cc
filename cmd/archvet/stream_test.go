package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestStreamedReportsMatchCollected checks the same designs twice: once
// with formats that all stream (each file's report written as it comes,
// spooled to disk past a megabyte), once with sarif added, which makes the
// run collect every report first. Both must write the same bytes, and the
// streaming run must leave no temporary file behind.
func TestStreamedReportsMatchCollected(t *testing.T) {
	if testing.Short() {
		t.Skip("checks 60 files twice; skipped with -short")
	}
	designs := t.TempDir()
	generateDesigns(t, designs, 60)
	streamed, collected := t.TempDir(), t.TempDir()
	formats := []string{"json", "text", "github", "codeclimate"}

	runWith := func(out string, extra ...string) string {
		args := []string{"check", "--date", "2026-11-23", "--format", "text"}
		for _, f := range formats {
			args = append(args, "--format", f+"="+filepath.Join(out, "report."+f))
		}
		args = append(append(args, extra...), designs)
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != exitBadInput {
			t.Fatalf("exit %d, want 2 for the broken file; stderr:\n%s", code, stderr.String())
		}
		return stdout.String()
	}
	stdoutStreamed := runWith(streamed)
	stdoutCollected := runWith(collected, "--format", "sarif="+filepath.Join(collected, "report.sarif"))

	if stdoutStreamed != stdoutCollected {
		t.Error("the text report on standard output differs between the streaming and the collecting run")
	}
	for _, f := range formats {
		a, err := os.ReadFile(filepath.Join(streamed, "report."+f))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(collected, "report."+f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the streamed report differs from the collected one", f)
		}
		if f == "json" && len(a) < spoolMemory {
			t.Errorf("the JSON report is %d bytes, too small to test spooling to disk", len(a))
		}
	}
	entries, err := os.ReadDir(streamed)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(formats) {
		for _, e := range entries {
			t.Log(e.Name())
		}
		t.Errorf("the streaming run left %d files, want the %d reports", len(entries), len(formats))
	}
}
