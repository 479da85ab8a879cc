package archvet.rules.production_readiness.obs_cause_alerts_ticket_test

import rego.v1

import data.archvet.rules.production_readiness.obs_cause_alerts_ticket as rule

test_symptom_pages_cause_tickets_pass if {
	count(rule.deny) == 0 with input as {"observability": {"alerts": [
		{"name": "burn", "based_on": "symptom", "severity": "page"},
		{"name": "disk", "based_on": "cause", "severity": "ticket"},
	]}}
}

test_cause_page_fails if {
	findings := rule.deny with input as {"observability": {"alerts": [
		{"name": "burn", "based_on": "symptom", "severity": "page"},
		{"name": "cpu-high", "based_on": "cause", "severity": "page"},
	]}}
	count(findings) == 1
	some f in findings
	f.path == "observability.alerts[1].severity"
	contains(f.msg, "cpu-high")
}

test_page_without_basis_fails if {
	findings := rule.unanswered with input as {"observability": {"alerts": [{"name": "mystery", "severity": "page"}]}}
	count(findings) == 1
	some f in findings
	f.path == "observability.alerts[0].based_on"
}

test_no_alerts_not_applicable if {
	not rule.applicable with input as {"observability": {}}
}

test_cover_applicable if {
	rule.applicable with input as {"observability": {"alerts": [{"name": "disk-full"}]}}
}
