package archvet.rules.production_readiness.security_penetration_testing_test

import rego.v1

import data.archvet.rules.production_readiness.security_penetration_testing as rule

now := time.parse_ns("2006-01-02", "2026-11-23")

day_ns := ((24 * 60) * 60) * 1000000000

date_before(days) := substring(time.format([now - (days * day_ns), "UTC", "2006-01-02"]), 0, 10)

public_api := [{"name": "shop", "exposure": "public"}]

design(tier, date) := {
	"service": {"name": "s", "owner": "t", "tier": tier},
	"apis": public_api,
	"security": {"penetration_test": date},
}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as {"apis": [{"name": "p", "exposure": "partner"}]}
	not rule.applicable with input as {"apis": [{"name": "rpc", "exposure": "internal"}]}
}

test_recent_test_passes if {
	count(rule.deny) == 0 with input as design(0, "2026-03-01") with time.now_ns as now
}

test_no_test_is_an_open_question if {
	paths(rule.unanswered) == {"security.penetration_test"} with input as {"apis": public_api}
	count(rule.deny) == 0 with input as {"apis": public_api}
}

# Bug 9: the title promises a test in the last year; tier 2 is held to it.
test_old_test_fails_at_tier_2 if {
	paths(rule.deny) == {"security.penetration_test"} with input as design(2, "2025-05-01") with time.now_ns as now
}

test_age_at_each_tier if {
	every tier, limit in [365, 365, 365, 730] {
		count(rule.deny) == 0 with input as design(tier, date_before(limit)) with time.now_ns as now
		paths(rule.deny) == {"security.penetration_test"} with input as design(tier, date_before(limit + 1))
			with time.now_ns as now
	}
}

test_override_of_the_age if {
	count(rule.deny) == 0 with input as design(0, date_before(500)) with time.now_ns as now
		with data.archvet.params as {"PR502": {"max_pentest_age_days": [730, 730, 730, 730]}}
}
