package archvet.rules.well_architected.cost_review_test

import rego.v1

import data.archvet.rules.well_architected.cost_review

now := time.parse_ns("2006-01-02", "2026-11-23")

test_recent_review_passes if {
	count(cost_review.deny) == 0 with input as {"service": {"tier": 1}, "cost": {"last_review": "2026-08-01"}}
		with time.now_ns as now
}

test_old_review_fails if {
	findings := cost_review.deny with input as {"cost": {"last_review": "2026-01-15"}}
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "cost.last_review"
}

test_no_review_fails if {
	some f in cost_review.unanswered with input as {}
		with time.now_ns as now
	f.path == "cost.last_review"
}

days_before(n) := time.format([time.add_date(now, 0, 0, 0 - n), "UTC", "2006-01-02"])

test_review_age_at_each_tier if {
	every tier, limit in [90, 180, 180, 365] {
		count(cost_review.deny) == 0 with input as {"service": {"tier": tier}, "cost": {"last_review": days_before(limit)}}
			with time.now_ns as now
		count(cost_review.deny) == 1 with input as {"service": {"tier": tier}, "cost": {"last_review": days_before(limit + 1)}}
			with time.now_ns as now
	}
}

test_review_age_override if {
	count(cost_review.deny) == 1 with input as {"service": {"tier": 3}, "cost": {"last_review": days_before(31)}}
		with time.now_ns as now
		with data.archvet.params as {"WA355": {"max_review_age_days": [30, 30, 30, 30]}}
}
