package archvet.rules.production_readiness.slo_availability_target_test

import rego.v1

import data.archvet.rules.production_readiness.slo_availability_target as rule

test_tier0_target_met_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 0},
		"slos": [{"name": "avail", "sli": "availability", "objective_percent": 99.95}],
	}
}

test_tier2_lower_target_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"slos": [{"name": "avail", "sli": "availability", "objective_percent": 99}],
	}
}

test_tier1_below_minimum_fails if {
	findings := rule.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 1},
		"slos": [
			{"name": "latency", "sli": "latency", "objective_percent": 90},
			{"name": "avail", "sli": "availability", "objective_percent": 99},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "slos[1].objective_percent"
	contains(f.msg, "99.5")
}

test_missing_objective_fails if {
	some f in rule.deny with input as {"slos": [{"name": "avail", "sli": "availability"}]}
	f.path == "slos[0].objective_percent"
	contains(f.msg, "no objective_percent")
}

test_hundred_percent_fails if {
	findings := rule.deny with input as {"slos": [{"name": "avail", "sli": "availability", "objective_percent": 100}]}
	count(findings) == 1
	some f in findings
	f.path == "slos[0].objective_percent"
	contains(f.msg, "no error budget")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "s", "owner": "t", "tier": 3},
		"slos": [{"name": "avail", "sli": "availability", "objective_percent": 95}],
	}
}

test_no_availability_slo_not_applicable if {
	not rule.applicable with input as {"slos": [{"name": "latency", "sli": "latency"}]}
}
