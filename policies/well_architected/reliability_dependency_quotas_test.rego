package archvet.rules.well_architected.reliability_dependency_quotas_test

import rego.v1

import data.archvet.rules.well_architected.reliability_dependency_quotas as rule

design(tier, quota) := {
	"service": {"tier": tier},
	"capacity": {"peak_rps": 100},
	"dependencies": [
		{"name": "pricing", "kind": "internal-service", "interaction": "sync"},
		{"name": "payments", "kind": "third-party", "interaction": "sync", "retries": {"max_attempts": 2}, "quota_rps": quota},
	],
}

test_quota_with_margin_passes if {
	rule.applicable with input as design(0, 1000)
	count(rule.deny) == 0 with input as design(0, 1000)
	count(rule.unanswered) == 0 with input as design(0, 1000)
}

# 100 rps x 2 attempts = 200 rps; the margins 50/30/20/0 % need 300/260/240/200.
test_quota_boundary_at_each_tier if {
	every tier, needed in [300, 260, 240, 200] {
		count(rule.deny) == 0 with input as design(tier, needed)
		{f.path | some f in rule.deny} == {"dependencies[1].quota_rps"} with input as design(tier, needed - 1)
	}
}

test_margin_override if {
	count(rule.deny) == 1 with input as design(3, 250)
		with data.archvet.params as {"WA400": {"min_quota_margin_percent": [100, 100, 100, 100]}}
}

test_bought_dependency_without_quota_is_unanswered if {
	inp := {"capacity": {"peak_rps": 10}, "dependencies": [{"name": "geo", "build_or_buy": "buy", "interaction": "sync"}]}
	{f.path | some f in rule.unanswered} == {"dependencies[0].quota_rps"} with input as inp
	count(rule.deny) == 0 with input as inp
}

test_quota_without_peak_is_unanswered if {
	inp := {"dependencies": [{"name": "geo", "kind": "internal-service", "quota_rps": 5}]}
	{f.path | some f in rule.unanswered} == {"capacity.peak_rps"} with input as inp
}

test_internal_dependencies_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "pricing", "kind": "internal-service", "interaction": "sync"}]}
}

test_async_provider_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "mail", "kind": "third-party", "interaction": "async"}]}
}
