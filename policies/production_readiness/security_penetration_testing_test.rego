package archvet.rules.production_readiness.security_penetration_testing_test

import rego.v1

import data.archvet.rules.production_readiness.security_penetration_testing

now := time.parse_ns("2006-01-02", "2026-11-23")

public_api := [{"name": "shop", "exposure": "public"}]

test_recent_test_passes if {
	count(security_penetration_testing.deny) == 0 with input as {
		"apis": public_api,
		"security": {"penetration_test": "2026-03-01"},
	}
		with time.now_ns as now
}

test_old_test_fails if {
	findings := security_penetration_testing.deny with input as {
		"apis": public_api,
		"security": {"penetration_test": "2025-05-01"},
	}
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "security.penetration_test"
}

test_old_test_accepted_for_tier_2 if {
	count(security_penetration_testing.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"apis": public_api,
		"security": {"penetration_test": "2025-05-01"},
	}
		with time.now_ns as now
}

test_no_test_fails if {
	some f in security_penetration_testing.deny with input as {"apis": [{"name": "p", "exposure": "partner"}]}
		with time.now_ns as now
	f.path == "security.penetration_test"
}

test_internal_service_not_applicable if {
	not security_penetration_testing.applicable with input as {"apis": [{"name": "rpc", "exposure": "internal"}]}
}
