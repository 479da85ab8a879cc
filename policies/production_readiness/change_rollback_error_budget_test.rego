package archvet.rules.production_readiness.change_rollback_error_budget_test

import rego.v1

import data.archvet.rules.production_readiness.change_rollback_error_budget as rule

# 99.9% over 10 days is a budget of 14.4 minutes.
design(tier, detect, rollback) := {
	"service": {"name": "x", "owner": "t", "tier": tier},
	"operations": {"time_to_detect_minutes": detect},
	"deployment": {"rollback": {"max_minutes": rollback}},
	"slos": [{"name": "avail", "sli": "availability", "objective_percent": 99.9, "window_days": 10}],
}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as design(3, 1, 1)
	not rule.applicable with input as {"deployment": {"rollback": {"max_minutes": 99}}}
}

# E8: rollback 25 minutes; 99.95% over 28 days is a 20-minute budget; RTO 30.
test_e8_rollback_longer_than_the_budget_fails if {
	findings := rule.deny with input as {
		"operations": {"time_to_detect_minutes": 3},
		"disaster_recovery": {"rto_minutes": 30},
		"deployment": {"rollback": {"max_minutes": 25}},
		"slos": [{"name": "avail", "sli": "availability", "objective_percent": 99.95, "window_days": 28}],
	}
	paths(findings) == {"deployment.rollback.max_minutes"}
}

test_detection_plus_rollback_too_slow_fails if {
	paths(rule.deny) == {"operations.time_to_detect_minutes"} with input as design(0, 5, 5)
}

# Boundary at each tier, shares 50, 50, 75, 100 of 14.4 minutes.
test_share_at_each_tier if {
	every tier, limit in [7.2, 7.2, 10.8, 14.4] {
		count(rule.deny) == 0 with input as design(tier, 1, limit - 1)
		paths(rule.deny) == {"operations.time_to_detect_minutes"} with input as design(tier, 1.1, limit - 1)
	}
}

test_rollback_alone_at_the_limit if {
	count(rule.deny) == 0 with input as design(0, 0, 7.2)
	paths(rule.deny) == {"deployment.rollback.max_minutes"} with input as design(0, 0, 7.3)
}

avail := {"name": "a", "sli": "availability", "objective_percent": 99.9, "window_days": 30}

test_open_questions if {
	paths(rule.unanswered) == {"deployment.rollback.max_minutes"} with input as {"slos": [avail]}
	paths(rule.unanswered) == {"operations.time_to_detect_minutes"} with input as {
		"deployment": {"rollback": {"max_minutes": 5}},
		"slos": [avail],
	}
}

test_override_of_the_share if {
	count(rule.deny) == 0 with input as design(0, 5, 5)
		with data.archvet.params as {"PR447": {"max_budget_share_percent": [100, 100, 100, 100]}}
}
