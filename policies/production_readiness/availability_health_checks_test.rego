package archvet.rules.production_readiness.availability_health_checks_test

import rego.v1

import data.archvet.rules.production_readiness.availability_health_checks as rule

test_distinct_checks_pass if {
	count(rule.deny) == 0 with input as {"processes": {"health_checks": {"readiness": "/ready", "liveness": "/live"}}}
}

test_missing_readiness_fails if {
	findings := rule.unanswered with input as {"processes": {"health_checks": {"liveness": "/live"}}}
	count(findings) == 1
	some f in findings
	f.path == "processes.health_checks.readiness"
}

test_no_checks_fail_twice if {
	findings := rule.unanswered with input as {"processes": {"stateless": true}}
	count(findings) == 2
}

test_shared_check_fails if {
	some f in rule.deny with input as {"processes": {"health_checks": {"readiness": "/health", "liveness": "/health"}}}
	f.path == "processes.health_checks.liveness"
	contains(f.msg, "same check")
}

test_serverless_not_applicable if {
	not rule.applicable with input as {"deployment": {"platform": "serverless"}}
}
