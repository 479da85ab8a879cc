package report

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/inputs"
	"github.com/archvet/archvet/internal/system"
)

// TestSystemHTMLInChromium checks examples/system as one system, the way
// archvet check does (facts, system, checks with _system, the system
// section), renders the HTML page in headless Chromium and looks for the
// graph in the rendered DOM: a box per service coloured by verdict, the
// failing dependency entries in red. With -update the screenshot is kept
// as docs/system-report.png, the one in the README.
func TestSystemHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	c := testChecker(t)
	dir := t.TempDir()
	t.Chdir(filepath.Join("..", ".."))
	files := inputs.Expand([]string{"examples/system"}, inputs.Options{})
	if len(files) < 5 {
		t.Fatalf("examples/system holds %d reviews, want at least 5", len(files))
	}
	sys, _ := system.Build(c.Facts(context.Background(), files))
	c.System = sys
	collect := checks.NewSystemCollector(sys)
	rep := c.CheckAll(context.Background(), files)
	for _, f := range rep.Files {
		collect.Add(f)
	}
	rep.System = collect.Report()
	if len(rep.System.Findings) == 0 {
		t.Fatal("examples/system has no system finding: the page would draw no failing edge")
	}
	page := filepath.Join(dir, "system.html")
	if err := os.WriteFile(page, render(t, "html", rep, Options{Catalogue: c.Engine.Catalogue, Version: "dev"}), 0o644); err != nil {
		t.Fatal(err)
	}
	browse := browser(t, bin, dir, page)
	dom := string(browse("dom", "--dump-dom"))
	for _, want := range []string{`<section class="file system" id="system">`, `<svg class="system-graph"`, "Dependency graph", `stroke="#c0392b" stroke-width="3"`, "tier 0</text>", "no review</text>"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered DOM lacks %q", want)
		}
	}
	for _, s := range rep.System.Graph.Services {
		if !strings.Contains(dom, ">"+s.Name+"</text>") {
			t.Errorf("the graph has no box for %s", s.Name)
		}
	}
	data := screenshot(t, browse, dir)
	if *update {
		if err := os.WriteFile(filepath.Join("docs", "system-report.png"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
