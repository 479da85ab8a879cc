package document

import "testing"

func TestKey(t *testing.T) {
	yamlSrc := []byte(`format_version: 1
service:
  name: orders
dependencies:
  - name: payments
    timeout_ms: 100
  - name: eu.fraud
  - name: "7"
  - name: "a]b"
  - kind: nameless
  - name: ""
labels:
  "a.b":
    - name: x
responsibilities: [take orders]
`)
	hclSrc := []byte(`format_version = 1
service {
  name = "orders"
}
dependency "payments" {
  timeout_ms = 100
}
dependency "eu.fraud" {}
dependency "7" {}
dependency "a]b" {}
dependency {
  kind = "nameless"
}
dependency {
  name = ""
}
labels = {
  "a.b" = [{ name = "x" }]
}
responsibilities = ["take orders"]
`)
	sh := testShape{"|dependency": {"dependencies", "name"}}
	tests := map[string]string{
		"dependencies[0].timeout_ms": "dependencies[payments].timeout_ms",
		"dependencies[0].retries[1]": "dependencies[payments].retries[1]",
		"dependencies[1].timeout_ms": `dependencies["eu.fraud"].timeout_ms`,
		"dependencies[2]":            `dependencies["7"]`,
		"dependencies[3].x":          `dependencies["a]b"].x`,
		"dependencies[4].timeout_ms": "dependencies[4].timeout_ms",
		"dependencies[5].timeout_ms": "dependencies[5].timeout_ms",
		"dependencies[9].timeout_ms": "dependencies[9].timeout_ms",
		`labels["a.b"][0].y`:         `labels["a.b"][x].y`,
		"responsibilities[0]":        "responsibilities[0]",
		"service.name":               "service.name",
		"slos[0].objective_percent":  "slos[0].objective_percent",
		"":                           "",
		"dependencies[0]garbage[":    "dependencies[payments]garbage[",
	}
	for name, src := range map[string][]byte{"k.yaml": yamlSrc, "k.hcl": hclSrc} {
		doc, ds := Load(name, src, sh)
		if doc == nil || ds.HasErrors() {
			t.Fatalf("%s: %v", name, ds)
		}
		for path, want := range tests {
			if got := doc.Key(path); got != want {
				t.Errorf("%s: Key(%q) = %q, want %q", name, path, got, want)
			}
		}
	}
}

// Locate shows a missing field where it belongs: the YAML key of its
// section, the closing brace of its HCL block; a missing section at the
// service anchor, saying which section is absent.
func TestLocate(t *testing.T) {
	yamlDoc := mustLoad(t, "l.yaml", []byte("# a comment\nformat_version: 1\nservice:\n  name: orders\ndependencies:\n  - name: payments\n    interaction: sync\n"))
	hclDoc := mustLoad(t, "l.hcl", []byte("# a comment\nformat_version = 1\nservice {\n  name = \"orders\"\n}\ndependency \"payments\" {\n  interaction = \"sync\"\n}\n"))
	type want struct {
		line, col  int
		exact      bool
		absent, an string
	}
	for _, tt := range []struct {
		doc  *Document
		path string
		want want
	}{
		{yamlDoc, "dependencies[0].interaction", want{7, 5, true, "", ""}},
		{yamlDoc, "dependencies[0].timeout_ms", want{6, 5, false, "", ""}},
		{yamlDoc, "service.owner", want{3, 1, false, "", ""}},
		{yamlDoc, "slos", want{3, 1, false, "slos", "service"}},
		{yamlDoc, "observability.alerts[0].runbook", want{3, 1, false, "observability", "service"}},
		{yamlDoc, "", want{3, 1, false, "", "service"}},
		{hclDoc, "dependencies[0].interaction", want{7, 3, true, "", ""}},
		{hclDoc, "dependencies[0].timeout_ms", want{8, 1, false, "", ""}},
		{hclDoc, "service.owner", want{5, 1, false, "", ""}},
		{hclDoc, "slos", want{3, 1, false, "slos", "service"}},
		{hclDoc, `["odd key"].x`, want{3, 1, false, "odd key", "service"}},
	} {
		loc, ok := tt.doc.Index.Locate(tt.path)
		got := want{loc.Range.Start.Line, loc.Range.Start.Column, loc.Exact, loc.Absent, loc.Anchor}
		if !ok || got != tt.want {
			t.Errorf("%s: Locate(%q) = %+v (ok=%v), want %+v", tt.doc.Path, tt.path, got, ok, tt.want)
		}
	}
	noService := mustLoad(t, "n.hcl", []byte("# c\nformat_version = 1\nbuild {\n  ci = true\n}\n"))
	if loc, _ := noService.Index.Locate("slos"); loc.Anchor != "format_version" || loc.Range.Start.Line != 2 {
		t.Errorf("without a service block: %+v, want the format_version line", loc)
	}
}
