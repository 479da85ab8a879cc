package archvet.rules.production_readiness.obs_symptom_paging_test

import rego.v1

import data.archvet.rules.production_readiness.obs_symptom_paging as rule

test_symptom_page_passes if {
	count(rule.deny) == 0 with input as {"observability": {"alerts": [
		{"name": "disk", "based_on": "cause", "severity": "ticket"},
		{"name": "burn", "based_on": "symptom", "severity": "page"},
	]}}
}

test_no_alerts_fails if {
	findings := rule.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 0}}
	count(findings) == 1
	some f in findings
	f.path == "observability.alerts"
	contains(f.msg, "no alerts")
}

test_only_cause_and_tickets_fails if {
	findings := rule.deny with input as {"observability": {"alerts": [
		{"name": "cpu", "based_on": "cause", "severity": "page"},
		{"name": "errors", "based_on": "symptom", "severity": "ticket"},
	]}}
	count(findings) == 1
	some f in findings
	f.path == "observability.alerts"
	contains(f.msg, "symptom")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}
