package archvet.rules.production_readiness.incident_time_to_detect_test

import rego.v1

import data.archvet.rules.production_readiness.incident_time_to_detect as rule

test_tier0_five_minutes_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 0},
		"operations": {"time_to_detect_minutes": 5},
	}
}

test_tier2_twenty_minutes_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"operations": {"time_to_detect_minutes": 20},
	}
}

test_tier0_fifteen_minutes_fails if {
	findings := rule.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 0},
		"operations": {"time_to_detect_minutes": 15},
	}
	count(findings) == 1
	some f in findings
	f.path == "operations.time_to_detect_minutes"
	contains(f.msg, "within 5 minutes")
}

test_missing_target_fails if {
	some f in rule.unanswered with input as {"operations": {}}
	f.path == "operations.time_to_detect_minutes"
	contains(f.msg, "no time-to-detect")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

at_tier(tier, minutes) := {
	"service": {"name": "s", "owner": "t", "tier": tier},
	"operations": {"time_to_detect_minutes": minutes},
}

# The limit at each tier the rule applies to: met exactly passes, a minute
# more fails.
test_limit_at_each_tier if {
	every tier, limit in [5, 10, 30] {
		count(rule.deny) == 0 with input as at_tier(tier, limit)
		some f in rule.deny with input as at_tier(tier, limit + 1)
		contains(f.msg, sprintf("within %d minutes", [limit]))
	}
}

test_override_of_the_limit if {
	count(rule.deny) == 1 with input as at_tier(1, 8)
		with data.archvet.params as {"PR435": {"max_time_to_detect_minutes": [5, 5, 30, 60]}}
}
