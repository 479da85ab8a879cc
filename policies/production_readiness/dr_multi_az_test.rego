package archvet.rules.production_readiness.dr_multi_az_test

import rego.v1

import data.archvet.rules.production_readiness.dr_multi_az as rule

test_multi_az_passes if {
	count(rule.deny) == 0 with input as {
		"deployment": {"availability_zones": 3},
		"disaster_recovery": {"multi_az": true},
	}
}

test_zone_count_alone_passes if {
	count(rule.deny) == 0 with input as {"deployment": {"availability_zones": 2}}
}

test_single_zone_fails if {
	findings := rule.deny with input as {"deployment": {"availability_zones": 1}}
	count(findings) == 1
	some f in findings
	f.path == "deployment.availability_zones"
}

test_claim_contradicts_zone_count if {
	some f in rule.deny with input as {
		"deployment": {"availability_zones": 1},
		"disaster_recovery": {"multi_az": true},
	}
	f.path == "deployment.availability_zones"
	contains(f.msg, "claims")
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"service": {"name": "x", "owner": "t", "tier": 2}}
	f.path == "disaster_recovery.multi_az"
	contains(f.msg, "does not say")
}

test_explicit_single_zone_fails if {
	some f in rule.deny with input as {"disaster_recovery": {"multi_az": false}}
	f.path == "disaster_recovery.multi_az"
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}
