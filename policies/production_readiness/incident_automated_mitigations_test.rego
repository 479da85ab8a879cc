package archvet.rules.production_readiness.incident_automated_mitigations_test

import rego.v1

import data.archvet.rules.production_readiness.incident_automated_mitigations as rule

test_mitigations_pass if {
	count(rule.deny) == 0 with input as {"operations": {"automated_mitigations": ["automatic rollback"]}}
}

test_no_mitigations_fails if {
	findings := rule.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 0}}
	count(findings) == 1
	some f in findings
	f.path == "operations.automated_mitigations"
}

test_tier1_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 1}}
}

test_cover_empty_mitigations_denied if {
	service := {"name": "x", "owner": "t", "tier": 0}
	{f.path | some f in rule.deny} == {"operations.automated_mitigations"} with input as {"service": service, "operations": {"automated_mitigations": []}}
}
