package archvet.rules.production_readiness.evidence_exists_test

import rego.v1

import data.archvet.rules.production_readiness.evidence_exists

test_present_and_urls_pass if {
	count(evidence_exists.deny) == 0 with input as {"_evidence": {
		"operations.runbooks[0]": {"ref": "docs/runbook.md", "state": "present"},
		"observability.dashboards[0]": {"ref": "https://grafana.example.com/d/x", "state": "url"},
	}}
}

test_missing_file_fails if {
	some f in evidence_exists.deny with input as {"_evidence": {"security.threat_model": {"ref": "docs/threat-model.md", "state": "missing"}}}
	f.path == "security.threat_model"
}

test_bad_url_fails if {
	some f in evidence_exists.deny with input as {"_evidence": {"capacity.plan": {"ref": "htp:/broken", "state": "invalid-url"}}}
	f.path == "capacity.plan"
}

test_no_citations_not_applicable if {
	not evidence_exists.applicable with input as {"service": {"name": "x"}}
}
