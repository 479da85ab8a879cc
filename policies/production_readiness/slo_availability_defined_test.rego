package archvet.rules.production_readiness.slo_availability_defined_test

import rego.v1

import data.archvet.rules.production_readiness.slo_availability_defined as rule

test_availability_slo_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 0},
		"slos": [
			{"name": "latency", "sli": "latency"},
			{"name": "availability", "sli": "availability"},
		],
	}
}

test_no_slos_fails if {
	findings := rule.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 1}}
	count(findings) == 1
	some f in findings
	f.path == "slos"
	contains(f.msg, "no slos")
}

test_only_latency_slo_fails if {
	findings := rule.deny with input as {"slos": [{"name": "latency", "sli": "latency"}]}
	count(findings) == 1
	some f in findings
	f.path == "slos"
	contains(f.msg, "availability")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}
