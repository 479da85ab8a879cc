//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestInterrupt stops a long run with SIGINT or SIGTERM, as Ctrl-C or a
// CI runner's cancel button would, and requires a prompt exit 130 with a
// one-line message, and no report: neither the file asked for nor a
// temporary file beside it.
func TestInterrupt(t *testing.T) {
	bin := buildArchvet(t)
	designs := t.TempDir()
	generateDesigns(t, designs, 2000)

	for _, tt := range []struct {
		name  string
		sig   syscall.Signal
		after time.Duration
	}{
		// Soon after the start: the catalogue may still be compiling.
		{"SIGINT", syscall.SIGINT, 300 * time.Millisecond},
		// Well into the files: a whole run takes far longer than this.
		{"SIGTERM", syscall.SIGTERM, 2 * time.Second},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			cmd := exec.Command(bin, "check", "--format", "json="+filepath.Join(out, "out.json"), designs)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			time.Sleep(tt.after)
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatalf("signalling archvet: %v (did it exit early? stderr: %s)", err, stderr.String())
			}
			sent := time.Now()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("archvet was still running 10s after %s", tt.name)
			}
			t.Logf("exited %v after %s", time.Since(sent).Round(time.Millisecond), tt.name)
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupt {
				t.Errorf("exit: %v, want exit code %d", err, exitInterrupt)
			}
			if got := stderr.String(); got != "archvet: interrupted\n" {
				t.Errorf("stderr: %q, want the one line \"archvet: interrupted\"", got)
			}
			if stdout.Len() > 0 {
				t.Errorf("an interrupted run printed a report:\n%s", stdout.String())
			}
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				t.Errorf("an interrupted run left %s behind", e.Name())
			}
		})
	}
}
