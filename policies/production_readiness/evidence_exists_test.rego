package archvet.rules.production_readiness.evidence_exists_test

import rego.v1

import data.archvet.rules.production_readiness.evidence_exists

test_present_and_urls_pass if {
	evidence_exists.applicable with input as {"_evidence": {"operations.runbooks[0]": {"ref": "docs/runbook.md", "state": "present"}}}
	count(evidence_exists.deny) == 0 with input as {"_evidence": {
		"operations.runbooks[0]": {"ref": "docs/runbook.md", "state": "present"},
		"observability.dashboards[0]": {"ref": "https://grafana.example.com/d/x", "state": "url"},
		"decisions[0].record": {"ref": "ADR-7", "state": "reference"},
	}}
	count(evidence_exists.unanswered) == 0 with input as {"_evidence": {"operations.runbooks[0]": {"ref": "docs/runbook.md", "state": "present"}}}
}

# evidence_with is a citation in the given state next to one present file.
evidence_with(state) := {"_evidence": {
	"security.threat_model": {"ref": "x", "state": state},
	"operations.runbooks[0]": {"ref": "docs/runbook.md", "state": "present"},
}}

test_missing_file_fails if {
	{f.path | some f in evidence_exists.deny} == {"security.threat_model"} with input as evidence_with("missing")
}

test_outside_the_repository_fails if {
	{f.path | some f in evidence_exists.deny} == {"security.threat_model"} with input as evidence_with("outside-repository")
	some f in evidence_exists.deny with input as {"_evidence": {"capacity.plan": {"ref": "/etc/passwd", "state": "outside-repository"}}}
	f.msg == `capacity.plan cites "/etc/passwd", which is outside the repository; cite a file in the repository or an http or https URL`
}

test_not_a_regular_file_fails if {
	{f.path | some f in evidence_exists.deny} == {"security.threat_model"} with input as evidence_with("not-a-file")
}

test_empty_file_fails if {
	{f.path | some f in evidence_exists.deny} == {"security.threat_model"} with input as evidence_with("empty")
	some f in evidence_exists.deny with input as {"_evidence": {"capacity.plan": {"ref": "docs/plan.md", "state": "empty"}}}
	f.msg == `capacity.plan cites "docs/plan.md", which is an empty file`
}

test_bad_url_fails if {
	{f.path | some f in evidence_exists.deny} == {"security.threat_model"} with input as evidence_with("invalid-url")
}

test_unknown_state_is_unanswered if {
	ev := {"_evidence": {"capacity.plan": {"ref": "docs/plan.md", "state": "unknown"}}}
	count(evidence_exists.deny) == 0 with input as ev
	{f.path | some f in evidence_exists.unanswered} == {"capacity.plan"} with input as ev
}

test_evidence_not_computed_is_unanswered if {
	evidence_exists.applicable with input as {"service": {"name": "x"}}
	count(evidence_exists.unanswered) == 1 with input as {"service": {"name": "x"}}
	count(evidence_exists.deny) == 0 with input as {"service": {"name": "x"}}
}

test_no_citations_not_applicable if {
	not evidence_exists.applicable with input as {"_evidence": {}}
	count(evidence_exists.unanswered) == 0 with input as {"_evidence": {}}
}
