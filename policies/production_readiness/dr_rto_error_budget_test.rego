package archvet.rules.production_readiness.dr_rto_error_budget_test

import rego.v1

import data.archvet.rules.production_readiness.dr_rto_error_budget as rule

# 99.9% over 10 days is a budget of exactly 14.4 minutes.
design(tier, rto) := {
	"service": {"name": "x", "owner": "t", "tier": tier},
	"disaster_recovery": {"rto_minutes": rto},
	"slos": [{"name": "avail", "sli": "availability", "objective_percent": 99.9, "window_days": 10}],
}

paths(findings) := {f.path | some f in findings}

test_applicable_only_with_an_availability_slo if {
	rule.applicable with input as design(0, 5)
	not rule.applicable with input as {"disaster_recovery": {"rto_minutes": 45}, "slos": [{"name": "l", "sli": "latency"}]}
}

# Issue 11: a 45-minute RTO under 99.99% over 30 days (4.3 minutes) fails.
test_rto_beyond_the_budget_fails if {
	findings := rule.deny with input as {
		"disaster_recovery": {"rto_minutes": 45},
		"slos": [{"name": "avail", "sli": "availability", "objective_percent": 99.99, "window_days": 30}],
	}
	paths(findings) == {"disaster_recovery.rto_minutes"}
	some f in findings
	contains(f.msg, "4.3-minute error budget")
}

# Boundary at each tier: shares 50, 50, 75, 100 of a 14.4-minute budget.
test_share_at_each_tier if {
	every tier, limit in [7.2, 7.2, 10.8, 14.4] {
		count(rule.deny) == 0 with input as design(tier, limit)
		paths(rule.deny) == {"disaster_recovery.rto_minutes"} with input as design(tier, limit + 0.1)
	}
}

test_missing_rto_and_window_are_open_questions if {
	findings := rule.unanswered with input as {"slos": [{"name": "avail", "sli": "availability", "objective_percent": 99.9}]}
	paths(findings) == {"disaster_recovery.rto_minutes", "slos[0].window_days"}
	count(rule.deny) == 0 with input as {"slos": [{"name": "avail", "sli": "availability", "objective_percent": 99.9}]}
}

test_missing_objective_is_an_open_question if {
	paths(rule.unanswered) == {"slos[0].objective_percent"} with input as {
		"disaster_recovery": {"rto_minutes": 5},
		"slos": [{"name": "avail", "sli": "availability", "window_days": 30}],
	}
}

test_override_of_the_share if {
	count(rule.deny) == 0 with input as design(0, 14.4)
		with data.archvet.params as {"PR330": {"max_budget_share_percent": [100, 100, 100, 100]}}
}
