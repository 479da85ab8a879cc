package policies_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/scaffold"
	"github.com/archvet/archvet/internal/schema"
)

// notJudged are the leaf fields of the format that no rule reads, each
// with the reason it stays. Nothing else may be unread: a field a design
// fills in and nobody judges teaches its authors that the review is a
// form. A field that a rule starts reading must leave this list.
var notJudged = map[string]string{
	// Read by archvet itself, before or beside the policies.
	"format_version":        "the loader checks the format version",
	"imports.backstage":     "archvet merges the imported Backstage entity",
	"imports.openslo":       "archvet merges the imported OpenSLO objects",
	"imports.score":         "archvet merges the imported Score workload",
	"artefacts.terraform":   "the claim ledger reads the Terraform files",
	"artefacts.kubernetes":  "the claim ledger reads the manifests",
	"artefacts.openapi":     "the claim ledger reads the OpenAPI documents",
	"service.system":        "groups reviews into a system for the system rules",
	"dependencies[].api":    "the system graph joins a call to the provider's API by it",
	"waivers[].rule":        "archvet applies waivers",
	"waivers[].path":        "archvet applies waivers",
	"waivers[].reason":      "archvet applies waivers",
	"waivers[].approved_by": "archvet applies waivers",
	"waivers[].expires":     "archvet applies waivers",
	// Prose for the reader of the review.
	"service.description": "prose for the reader; nothing to judge",
	// Facts no rule judges yet. Each is a candidate for a rule or for
	// removal from the format, which its owner decides.
	"processes.port_binding.protocol":            "an HTTP API behind tcp or udp is no contradiction (HTTP runs over TCP, HTTP/3 over UDP), so the protocol judges nothing the API style does not",
	"data_stores[].cache.stale_while_revalidate": "it hides expiry stampedes but not cold misses, so it cannot stand in for stampede protection (PR222) and judges nothing alone",
	"events.broker":                   "a product name; what matters about the broker is judged through data_stores and events",
	"events.publishes[].ordering_key": "no fact of the format says which events must stay in order, so a missing key cannot be judged",
	"observability.metrics.exporter":  "the exporter's kind does not make metrics better or worse",
}

// TestEveryFormatFieldIsJudged: every leaf field of the design-review
// format is read by some rule (as far as the Rego source shows, the
// reader `archvet init` uses to name a field's rules), or is listed in
// notJudged with its reason.
func TestEveryFormatFieldIsJudged(t *testing.T) {
	readers, err := scaffold.Readers(catalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	fields, err := schema.Fields()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	var unread []string
	for _, f := range fields {
		known[f.Path] = true
		if f.Type == "object" || strings.HasPrefix(f.Type, "list of objects") {
			continue
		}
		_, listed := notJudged[f.Path]
		switch {
		case len(readers[f.Path]) == 0 && !listed:
			unread = append(unread, f.Path)
		case len(readers[f.Path]) > 0 && listed:
			t.Errorf("%s is read by %v: remove it from notJudged", f.Path, readers[f.Path])
		}
	}
	sort.Strings(unread)
	for _, p := range unread {
		t.Errorf("no rule reads %s: write a rule that judges it, remove it from the format, or say in notJudged why it stays", p)
	}
	for p := range notJudged {
		if !known[p] {
			t.Errorf("notJudged lists %s, which is not a field of the format", p)
		}
	}
}
