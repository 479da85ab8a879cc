package archvet.rules.production_readiness.obs_alerts_reference_slos_test

import rego.v1

import data.archvet.rules.production_readiness.obs_alerts_reference_slos as rule

test_tied_alerts_pass if {
	count(rule.deny) == 0 with input as {
		"slos": [{"name": "avail"}],
		"observability": {"alerts": [
			{"name": "burn", "based_on": "symptom", "severity": "page", "slo": "avail"},
			{"name": "disk", "based_on": "cause", "severity": "ticket"},
		]},
	}
}

test_unknown_slo_fails if {
	findings := rule.deny with input as {
		"slos": [{"name": "avail"}],
		"observability": {"alerts": [{"name": "burn", "based_on": "symptom", "severity": "page", "slo": "availability-old"}]},
	}
	count(findings) == 1
	some f in findings
	f.path == "observability.alerts[0].slo"
	contains(f.msg, "availability-old")
}

test_untied_symptom_page_fails if {
	findings := rule.deny with input as {
		"slos": [{"name": "avail"}],
		"observability": {"alerts": [
			{"name": "burn", "based_on": "symptom", "severity": "page", "slo": "avail"},
			{"name": "5xx", "based_on": "symptom", "severity": "page"},
		]},
	}
	count(findings) == 1
	some f in findings
	f.path == "observability.alerts[1].slo"
}

test_no_alerts_not_applicable if {
	not rule.applicable with input as {"slos": [{"name": "avail"}]}
}

test_cover_applicable if {
	rule.applicable with input as {"observability": {"alerts": [{"name": "high-errors"}]}}
}
