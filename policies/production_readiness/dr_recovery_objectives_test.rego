package archvet.rules.production_readiness.dr_recovery_objectives_test

import rego.v1

import data.archvet.rules.production_readiness.dr_recovery_objectives as rule

test_tight_objectives_pass if {
	count(rule.deny) == 0 with input as {"disaster_recovery": {"rto_minutes": 60, "rpo_minutes": 15}}
}

test_missing_objectives_fail if {
	findings := rule.deny with input as {"service": {"name": "x", "owner": "t", "tier": 3}}
	count(findings) == 2
	paths := {f.path | some f in findings}
	paths == {"disaster_recovery.rto_minutes", "disaster_recovery.rpo_minutes"}
}

test_loose_rpo_fails_for_tier_0 if {
	findings := rule.deny with input as {"disaster_recovery": {"rto_minutes": 60, "rpo_minutes": 240}}
	count(findings) == 1
	some f in findings
	f.path == "disaster_recovery.rpo_minutes"
	contains(f.msg, "15 minutes")
}

test_loose_objectives_accepted_for_tier_3 if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "x", "owner": "t", "tier": 3},
		"disaster_recovery": {"rto_minutes": 4320, "rpo_minutes": 1440},
	}
}

test_tier_1_ceiling if {
	some f in rule.deny with input as {
		"service": {"name": "x", "owner": "t", "tier": 1},
		"disaster_recovery": {"rto_minutes": 480, "rpo_minutes": 60},
	}
	f.path == "disaster_recovery.rto_minutes"
}
