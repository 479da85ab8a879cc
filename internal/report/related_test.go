package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
)

// withRelated gives the golden report's first failure two related
// locations, one with a hostile message, as a system or claim rule would.
func withRelated(t *testing.T) (checks.Report, Options) {
	t.Helper()
	rep, opts := goldenReport(t)
	for fi := range rep.Files {
		for ri, r := range rep.Files[fi].Results {
			if r.Status != checks.Fail {
				continue
			}
			p := diag.Pos{Line: 12, Column: 5}
			rep.Files[fi].Results[ri].Findings[0].Related = []checks.Related{
				{Message: "the callee's tier", Location: diag.Range{Filename: "other/design.yaml", Start: p, End: p}},
				{Message: "<script>x</script>\n::error::forged", Location: diag.Range{Filename: "deploy/app.yaml", Start: p, End: p}},
			}
			return rep, opts
		}
	}
	t.Fatal("the golden report has no failure")
	return rep, opts
}

func TestRelatedLocationsInEveryFormat(t *testing.T) {
	rep, opts := withRelated(t)
	for _, format := range []string{"text", "json", "sarif", "markdown", "html"} {
		out := string(render(t, format, rep, opts))
		if !strings.Contains(out, "other/design.yaml") || !strings.Contains(out, "the callee") {
			t.Errorf("%s does not show the related location", format)
		}
		if (format == "html" || format == "markdown") && strings.Contains(out, "<script>x") {
			t.Errorf("%s writes a related message unescaped", format)
		}
		if format != "json" && format != "sarif" && strings.Contains(out, "\n::error::forged") {
			t.Errorf("%s lets a related message start a line", format)
		}
	}

	var log struct {
		Runs []struct {
			Results []struct {
				RelatedLocations []struct {
					ID               int `json:"id"`
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	out := render(t, "sarif", rep, opts)
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range log.Runs[0].Results {
		if len(r.RelatedLocations) == 2 {
			rl := r.RelatedLocations[0]
			found = rl.PhysicalLocation.ArtifactLocation.URI == "other/design.yaml" && rl.PhysicalLocation.Region.StartLine == 12 &&
				rl.Message.Text == "the callee's tier" && r.RelatedLocations[1].ID == 1
		}
	}
	if !found {
		t.Errorf("no SARIF result carries the two relatedLocations:\n%s", out)
	}
	validateSARIF(t, sarifSchema(t), "report with related locations", out)
}
