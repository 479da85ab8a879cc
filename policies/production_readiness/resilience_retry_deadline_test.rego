package archvet.rules.production_readiness.resilience_retry_deadline_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_retry_deadline as rule

payments := {
	"name": "payments", "interaction": "sync", "criticality": "hard", "timeout_ms": 900,
	"retries": {"max_attempts": 3, "backoff": "none"},
}

# E1: an internal API with a 1000 ms deadline calls payments, 900 ms x 3;
# the other API's 5000 ms deadline must not hide it.
test_e1_each_api_its_own_deadline if {
	findings := rule.deny with input as {
		"service": {"tier": 2},
		"apis": [
			{"name": "checkout", "timeout_ms": 5000, "calls": [{"dependency": "payments"}]},
			{"name": "internal", "timeout_ms": 1000, "calls": [{"dependency": "payments"}]},
		],
		"dependencies": [payments],
	}
	{f.path | some f in findings} == {"apis[1].timeout_ms"}
	some f in findings
	contains(f.msg, "2700 ms")
}

slow(name) := {"name": name, "timeout_ms": 1800, "retries": {"max_attempts": 2, "backoff": "none"}}

# E2: three more hard dependencies at 1800 ms x 2 each, serial, under 5000 ms.
test_e2_serial_budget_across_dependencies if {
	findings := rule.deny with input as {
		"service": {"tier": 2},
		"apis": [{"name": "checkout", "timeout_ms": 5000, "calls": [
			{"dependency": "a"}, {"dependency": "b"}, {"dependency": "c"},
		]}],
		"dependencies": [slow("a"), slow("b"), slow("c")],
	}
	{f.path | some f in findings} == {"apis[0].timeout_ms"}
}

# The old test accepted 3 x 1000 ms against a 1000 ms API.
test_three_attempts_of_deadline_fail if {
	findings := rule.deny with input as {
		"service": {"tier": 3},
		"apis": [{"name": "orders", "timeout_ms": 1000, "calls": [{"dependency": "payments"}]}],
		"dependencies": [{"name": "payments", "timeout_ms": 1000, "retries": {"max_attempts": 3, "backoff": "none"}}],
	}
	{f.path | some f in findings} == {"apis[0].timeout_ms"}
}

# Parallel calls cost the slowest; soft and asynchronous ones are not waited on.
test_parallel_soft_async_within_budget_pass if {
	inp := {
		"service": {"tier": 3},
		"apis": [{"name": "orders", "timeout_ms": 1000, "calls": [
			{"dependency": "a", "mode": "parallel"},
			{"dependency": "b", "mode": "parallel"},
			{"dependency": "soft"},
			{"dependency": "events"},
		]}],
		"dependencies": [
			{"name": "a", "timeout_ms": 1000, "retries": {"max_attempts": 1}},
			{"name": "b", "timeout_ms": 900, "retries": {"max_attempts": 1}},
			{"name": "soft", "criticality": "soft", "timeout_ms": 999},
			{"name": "events", "interaction": "async", "timeout_ms": 9000},
		],
	}
	rule.applicable with input as inp
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_parallel_slowest_over_budget_fails if {
	findings := rule.deny with input as {
		"service": {"tier": 3},
		"apis": [{"name": "orders", "timeout_ms": 1000, "calls": [
			{"dependency": "a", "mode": "parallel"},
			{"dependency": "b", "mode": "parallel"},
		]}],
		"dependencies": [
			{"name": "a", "timeout_ms": 1001, "retries": {"max_attempts": 1}},
			{"name": "b", "timeout_ms": 10, "retries": {"max_attempts": 1}},
		],
	}
	{f.path | some f in findings} == {"apis[0].timeout_ms"}
}

# Backoff sleeps count: exponential from 100 ms over 4 attempts waits 100+200+400.
backoff_input(deadline, backoff) := {
	"service": {"tier": 3},
	"apis": [{"name": "orders", "timeout_ms": deadline, "calls": [{"dependency": "p"}]}],
	"dependencies": [{"name": "p", "timeout_ms": 100, "retries": object.union(
		{"max_attempts": 4, "base_delay_ms": 100},
		backoff,
	)}],
}

test_exponential_backoff_counted if {
	count(rule.deny) == 0 with input as backoff_input(1100, {"backoff": "exponential"})
	count(rule.deny) == 1 with input as backoff_input(1099, {"backoff": "exponential"})
}

test_linear_fixed_and_capped_backoff_counted if {
	count(rule.deny) == 0 with input as backoff_input(1000, {"backoff": "linear"})
	count(rule.deny) == 1 with input as backoff_input(999, {"backoff": "linear"})
	count(rule.deny) == 0 with input as backoff_input(700, {"backoff": "fixed"})
	count(rule.deny) == 1 with input as backoff_input(699, {"backoff": "fixed"})
	count(rule.deny) == 0 with input as backoff_input(800, {"backoff": "exponential", "max_delay_ms": 150})
	count(rule.deny) == 1 with input as backoff_input(799, {"backoff": "exponential", "max_delay_ms": 150})
}

test_many_attempts_stay_a_lower_bound if {
	count(rule.deny) == 1 with input as backoff_input(100000, {"max_attempts": 1000000, "backoff": "fixed"})
}

# The share of the deadline is graded by tier: 90% at tiers 0 and 1, 100% at 2 and 3.
tier_input(tier, timeout) := {
	"service": {"tier": tier},
	"apis": [{"name": "orders", "timeout_ms": 1000, "calls": [{"dependency": "p"}]}],
	"dependencies": [{"name": "p", "timeout_ms": timeout, "retries": {"max_attempts": 1}}],
}

test_tier_boundaries if {
	count(rule.deny) == 0 with input as tier_input(0, 900)
	count(rule.deny) == 1 with input as tier_input(0, 901)
	count(rule.deny) == 0 with input as tier_input(1, 900)
	count(rule.deny) == 1 with input as tier_input(1, 901)
	count(rule.deny) == 0 with input as tier_input(2, 1000)
	count(rule.deny) == 1 with input as tier_input(2, 1001)
	count(rule.deny) == 0 with input as tier_input(3, 1000)
	count(rule.deny) == 1 with input as tier_input(3, 1001)
}

test_share_override if {
	count(rule.deny) == 1 with input as tier_input(2, 600)
		with data.archvet.params as {"PR208": {"max_budget_share_percent": [50, 50, 50, 50]}}
	count(rule.deny) == 0 with input as tier_input(2, 500)
		with data.archvet.params as {"PR208": {"max_budget_share_percent": [50, 50, 50, 50]}}
}

test_soft_timeout_at_deadline_fails if {
	findings := rule.deny with input as {
		"service": {"tier": 3},
		"apis": [{"name": "orders", "timeout_ms": 1000, "calls": [{"dependency": "soft"}]}],
		"dependencies": [{"name": "soft", "criticality": "soft", "timeout_ms": 1000}],
	}
	{f.path | some f in findings} == {"dependencies[0].timeout_ms"}
}

test_unanswered_calls_deadline_and_dependency if {
	findings := rule.unanswered with input as {
		"apis": [
			{"name": "a"},
			{"name": "b", "calls": [{"dependency": "ghost"}, {"dependency": "p"}]},
			{"name": "c", "timeout_ms": 5000, "calls": [{"dependency": "p"}, {"dependency": "soft"}]},
		],
		"dependencies": [
			{"name": "p", "retries": {"max_attempts": 3, "backoff": "exponential"}},
			{"name": "soft", "criticality": "soft"},
		],
	}
	{f.path | some f in findings} == {
		"apis[0].calls", "apis[1].calls[0].dependency", "apis[1].timeout_ms",
		"dependencies[0].timeout_ms", "dependencies[0].retries.base_delay_ms",
		"dependencies[1].timeout_ms",
	}
}

test_unanswered_attempts_and_backoff if {
	findings := rule.unanswered with input as {
		"apis": [{"name": "c", "timeout_ms": 5000, "calls": [{"dependency": "p"}, {"dependency": "q"}]}],
		"dependencies": [{"name": "p", "timeout_ms": 100}, {"name": "q", "timeout_ms": 100, "retries": {"max_attempts": 2}}],
	}
	{f.path | some f in findings} == {"dependencies[0].retries.max_attempts", "dependencies[1].retries.backoff"}
}

# What is known already fails: the unknowns only add to it.
test_known_part_fails_despite_unknowns if {
	inp := {
		"service": {"tier": 3},
		"apis": [{"name": "c", "timeout_ms": 1000, "calls": [{"dependency": "p"}, {"dependency": "q"}]}],
		"dependencies": [{"name": "p", "timeout_ms": 1500}, {"name": "q"}],
	}
	{f.path | some f in rule.deny} == {"apis[0].timeout_ms"} with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_no_apis_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "payments", "timeout_ms": 500}]}
}
