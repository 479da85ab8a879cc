package archvet.rules.production_readiness.resilience_latency_slo_budget_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_latency_slo_budget as rule

latency(threshold) := [{"name": "latency", "sli": "latency", "objective_percent": 99, "threshold_ms": threshold}]

# E3: a 300 ms latency threshold over a hard dependency of 1500 ms x 3.
test_e3_timeout_past_threshold_fails if {
	inp := {
		"service": {"tier": 0},
		"slos": latency(300),
		"capacity": {"performance_budget_ms": 300},
		"apis": [{"name": "orders", "timeout_ms": 5000}],
		"dependencies": [{"name": "payments", "criticality": "hard", "timeout_ms": 1500, "retries": {"max_attempts": 3}}],
	}
	rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"dependencies[0].timeout_ms"} with input as inp
}

tier_input(tier, timeout) := {
	"service": {"tier": tier},
	"slos": latency(800),
	"apis": [{"name": "orders", "timeout_ms": 5000}],
	"dependencies": [{"name": "p", "timeout_ms": timeout}, {"name": "e", "interaction": "async", "timeout_ms": 90000}],
}

test_tier_boundaries if {
	count(rule.deny) == 0 with input as tier_input(0, 800)
	count(rule.deny) == 1 with input as tier_input(0, 801)
	count(rule.deny) == 0 with input as tier_input(1, 800)
	count(rule.deny) == 1 with input as tier_input(1, 801)
	count(rule.deny) == 0 with input as tier_input(2, 800)
	count(rule.deny) == 1 with input as tier_input(2, 801)
	count(rule.deny) == 0 with input as tier_input(3, 1200)
	count(rule.deny) == 1 with input as tier_input(3, 1201)
}

test_share_override if {
	count(rule.deny) == 1 with input as tier_input(0, 500)
		with data.archvet.params as {"PR230": {"max_timeout_share_percent": [50, 50, 50, 50]}}
}

# With every API's calls known, a dependency no API calls does not count.
test_calls_narrow_the_path if {
	inp := {
		"slos": latency(800),
		"apis": [{"name": "orders", "timeout_ms": 5000, "calls": [{"dependency": "p"}]}],
		"dependencies": [{"name": "p", "timeout_ms": 700}, {"name": "batch", "timeout_ms": 20000}],
	}
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_threshold_above_every_deadline_fails if {
	findings := rule.deny with input as {
		"slos": latency(2000),
		"apis": [{"name": "a", "timeout_ms": 1000}, {"name": "b", "timeout_ms": 2000}],
	}
	{f.path | some f in findings} == {"slos[0].threshold_ms"}
	count(rule.deny) == 0 with input as {
		"slos": latency(1999),
		"apis": [{"name": "a", "timeout_ms": 1000}, {"name": "b", "timeout_ms": 2000}],
	}
}

test_unanswered_threshold_timeouts_deadlines if {
	findings := rule.unanswered with input as {
		"slos": [{"name": "latency", "sli": "latency"}],
		"apis": [{"name": "a"}],
		"dependencies": [{"name": "p"}],
	}
	{f.path | some f in findings} == {"slos[0].threshold_ms", "dependencies[0].timeout_ms", "apis[0].timeout_ms"}
}

test_no_latency_slo_not_applicable if {
	not rule.applicable with input as {"slos": [{"name": "up", "sli": "availability"}]}
}

# A 1 ms timeout is a stated timeout: the smallest positive value counts.
test_one_millisecond_is_stated if {
	inp := {
		"service": {"tier": 0},
		"slos": latency(800),
		"apis": [{"name": "orders", "timeout_ms": 1}],
		"dependencies": [{"name": "p", "timeout_ms": 1}],
	}
	{f.path | some f in rule.deny} == {"slos[0].threshold_ms"} with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_dependencies_deleted_is_unanswered if {
	inp := {"slos": latency(1000)}
	{f.path | some f in rule.unanswered} == {"dependencies"} with input as inp
	count(rule.deny) == 0 with input as inp
}
