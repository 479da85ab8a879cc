package archvet.rules.well_architected.reliability_emergency_levers_test

import rego.v1

import data.archvet.rules.well_architected.reliability_emergency_levers as rule

test_kill_switches_pass if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "shop", "owner": "team", "tier": 0},
		"deployment": {"kill_switches": ["recommendations"]},
	}
}

test_empty_kill_switches_fail if {
	case_input := {
		"service": {"name": "shop", "owner": "team", "tier": 1},
		"deployment": {"kill_switches": []},
	}
	rule.applicable with input as case_input
	findings := rule.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "deployment.kill_switches"
	contains(f.msg, "tier 1")
}

test_unstated_kill_switches_fail if {
	some f in rule.unanswered with input as {"service": {"name": "shop", "owner": "team", "tier": 0}}
	f.path == "deployment.kill_switches"
	contains(f.msg, "does not say")
}

test_tier_2_not_applicable if {
	not rule.applicable with input as {"service": {"name": "shop", "owner": "team", "tier": 2}}
}
