package checks

import (
	"strings"
	"testing"

	"github.com/archvet/archvet/rules"
)

// TestMetadataChainsAreInlined: every rule that reads its parameters
// through rego.metadata.chain() gets the constant instead, so no chain is
// built during evaluation.
func TestMetadataChainsAreInlined(t *testing.T) {
	sources, err := rules.BuiltinSources()
	if err != nil {
		t.Fatal(err)
	}
	cat, ds := rules.Parse(sources)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	inlined := 0
	for _, m := range cat.Modules {
		before := m.String()
		after := inlineMetadataChains(m).String()
		if !strings.Contains(before, "rego.metadata.chain()") {
			continue
		}
		if strings.Contains(after, "rego.metadata.chain()") {
			t.Errorf("%s still calls rego.metadata.chain()", m.Package.Location.File)
			continue
		}
		inlined++
	}
	if inlined == 0 {
		t.Fatal("no module was inlined")
	}
	t.Logf("%d modules inlined", inlined)
}
