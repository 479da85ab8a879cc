package report

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHTMLIsSelfContained checks the page loads nothing: no scripts,
// stylesheets, fonts or images from anywhere.
func TestHTMLIsSelfContained(t *testing.T) {
	rep, opts := goldenReport(t)
	page := string(render(t, "html", rep, opts))
	for _, banned := range []string{"<script", "<link", "<img", "<iframe", "@import", "url(", "src="} {
		if strings.Contains(page, banned) {
			t.Errorf("the HTML report contains %q: it must load nothing", banned)
		}
	}
	for _, want := range []string{`<svg class="score-chart"`, "@media print", "Waivers", "jane.doe", "could not be evaluated"} {
		if !strings.Contains(page, want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}
	one := checkPaths(t, "testdata/payments.hcl")
	if !strings.Contains(string(render(t, "html", one, opts)), "No waivers.") {
		t.Error("a report without waivers does not say so")
	}
}

// chromium finds a Chromium or Chrome binary, and fails the test when
// there is none: never skipped, since a developer's go test ./... and CI
// run the same tests.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no chromium binary on PATH: run the tests as the README says, `. .ci/test-tools.sh && go test ./...` (it installs Debian's chromium package)")
	return ""
}

// TestHTMLInChromium renders examples/checkout in headless Chromium, as a
// person would open it: the chart must be in the rendered DOM and the
// screenshot must show a page. With -update the screenshot is kept as
// docs/html-report.png.
func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	c := testChecker(t)
	dir := t.TempDir()
	// Check from the repository root, so the page shows the path a user
	// would type.
	t.Chdir(filepath.Join("..", ".."))
	rep := c.CheckAll(context.Background(), inputsOf([]string{"examples/checkout/design.yaml"}))
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, render(t, "html", rep, Options{Catalogue: c.Engine.Catalogue, Version: "dev"}), 0o644); err != nil {
		t.Fatal(err)
	}
	browse := browser(t, bin, dir, page)
	dom := string(browse("dom", "--dump-dom"))
	for _, want := range []string{`<svg class="score-chart"`, `<rect class="bar ready"`, "Readiness review: checkout", "No waivers."} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered DOM lacks %q", want)
		}
	}

	data := screenshot(t, browse, dir)
	if *update {
		if err := os.WriteFile(filepath.Join("docs", "html-report.png"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// colours counts distinct colours on a grid of samples, a cheap test that
// an image is more than a blank page.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}

// browser returns a function that opens page in headless Chromium with
// a fresh profile under dir and returns what it printed.
func browser(t *testing.T, bin, dir, page string) func(profile string, args ...string) []byte {
	url := "file://" + filepath.ToSlash(page)
	return func(profile string, args ...string) []byte {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
			"--user-data-dir=" + filepath.Join(dir, profile)}
		cmd := exec.CommandContext(ctx, bin, append(append(base, args...), url)...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
		}
		return stdout.Bytes()
	}
}

// screenshot takes a 1280x1600 screenshot of the page and checks that it
// shows a rendered page.
func screenshot(t *testing.T, browse func(profile string, args ...string) []byte, dir string) []byte {
	t.Helper()
	shot := filepath.Join(dir, "report.png")
	browse("shot", "--hide-scrollbars", "--window-size=1280,1600", "--screenshot="+shot)
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 1600 {
		t.Errorf("screenshot is %dx%d, want 1280x1600", b.Dx(), b.Dy())
	}
	if n := colours(img); n < 50 {
		t.Errorf("screenshot has %d colours: the page did not render", n)
	}
	return data
}
