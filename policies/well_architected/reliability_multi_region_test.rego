package archvet.rules.well_architected.reliability_multi_region_test

import rego.v1

import data.archvet.rules.well_architected.reliability_multi_region as rule

test_two_region_standby_passes if {
	count(rule.deny) == 0 with input as {
		"disaster_recovery": {"multi_region": true, "strategy": "warm-standby"},
		"deployment": {"regions": ["eu-west-1", "eu-central-1"]},
	}
}

test_backup_restore_in_one_region_passes if {
	count(rule.deny) == 0 with input as {
		"disaster_recovery": {"multi_region": true, "strategy": "backup-restore"},
		"deployment": {"regions": ["eu-west-1"]},
	}
}

test_single_region_fails if {
	findings := rule.deny with input as {"disaster_recovery": {"multi_region": false}}
	count(findings) == 1
	some f in findings
	f.path == "disaster_recovery.multi_region"
}

test_unstated_fails if {
	some f in rule.deny with input as {"deployment": {"regions": ["eu-west-1"]}}
	f.path == "disaster_recovery.multi_region"
	contains(f.msg, "does not say")
}

test_claim_without_second_region_fails if {
	some f in rule.deny with input as {
		"disaster_recovery": {"multi_region": true, "strategy": "active-active"},
		"deployment": {"regions": ["eu-west-1"]},
	}
	f.path == "deployment.regions"
	contains(f.msg, "active-active")
}

test_tier_1_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 1}}
}
