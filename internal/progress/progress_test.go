package progress

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
)

func TestLine(t *testing.T) {
	for _, c := range []struct {
		done, total int
		want        string
	}{
		{0, 100, "checking [..........]   0/100 files"},
		{50, 100, "checking [#####.....]  50/100 files"},
		{100, 100, "checking [##########] 100/100 files"},
		{150, 100, "checking [##########] 100/100 files"},
	} {
		if got := Line(c.done, c.total, 10); got != c.want {
			t.Errorf("Line(%d, %d) = %q, want %q", c.done, c.total, got, c.want)
		}
	}
}

func TestWanted(t *testing.T) {
	var buf bytes.Buffer
	if Wanted(&buf, 1000) {
		t.Error("a bar on a buffer")
	}
	// A file that is not a terminal, as in a pipe or a CI log.
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if Wanted(f, 1000) {
		t.Error("a bar on a regular file")
	}
	if Wanted(os.Stderr, Threshold) {
		t.Error("a bar for a small run")
	}
	t.Setenv("CI", "true")
	if Wanted(os.Stderr, 1000) {
		t.Error("a bar in CI")
	}
}

func TestBarIsSafeAndClears(t *testing.T) {
	var mu sync.Mutex
	var buf bytes.Buffer
	w := writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return buf.Write(p) })
	b := New(w, 0)
	var wg sync.WaitGroup
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func(i int) { defer wg.Done(); b.Update(i, 100) }(i)
	}
	wg.Wait()
	b.Update(100, 100)
	b.Finish()
	out := buf.String()
	if !strings.Contains(out, "100/100 files") || !strings.HasSuffix(out, "\r\x1b[2K") {
		t.Errorf("bar output ends %q", out[max(0, len(out)-60):])
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
