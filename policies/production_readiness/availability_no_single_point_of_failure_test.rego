package archvet.rules.production_readiness.availability_no_single_point_of_failure_test

import rego.v1

import data.archvet.rules.production_readiness.availability_no_single_point_of_failure as rule

test_empty_list_passes if {
	count(rule.deny) == 0 with input as {"deployment": {"single_points_of_failure": []}}
}

test_each_listed_component_fails if {
	findings := rule.deny with input as {"deployment": {"single_points_of_failure": ["nat-gateway", "license-server"]}}
	count(findings) == 2
	some f in findings
	f.path == "deployment.single_points_of_failure[1]"
	contains(f.msg, "license-server")
}

test_unanalysed_fails if {
	some f in rule.unanswered with input as {"deployment": {"availability_zones": 3}}
	f.path == "deployment.single_points_of_failure"
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "x", "owner": "t", "tier": 3},
		"deployment": {"single_points_of_failure": ["db"]},
	}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}
