package archvet.rules.production_readiness.change_zero_downtime_test

import rego.v1

import data.archvet.rules.production_readiness.change_zero_downtime as rule

design(budget, replicas, headroom, shutdown) := {
	"deployment": {"platform": "kubernetes", "disruption_budget": {"max_unavailable": budget}},
	"capacity": {"headroom_percent": headroom},
	"processes": {"scaling": {"min_replicas": replicas}, "shutdown": shutdown},
}

clean := {"drain_seconds": 20, "pre_stop_seconds": 5, "grace_period_seconds": 30}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as design(1, 3, 50, clean)
	not rule.applicable with input as {"deployment": {"platform": "serverless"}}
}

test_budget_within_the_headroom_passes if {
	count(rule.deny) == 0 with input as design(2, 6, 50, clean)
	count(rule.unanswered) == 0 with input as design(2, 6, 50, clean)
}

# Six instances with 50% headroom can spare two; three is one too many.
test_budget_beyond_the_headroom_fails if {
	paths(rule.deny) == {"deployment.disruption_budget.max_unavailable"} with input as design(3, 6, 50, clean)
}

test_zero_budget_blocks_drains if {
	paths(rule.deny) == {"deployment.disruption_budget.max_unavailable"} with input as design(0, 6, 50, clean)
}

test_one_instance_is_always_allowed if {
	count(rule.deny) == 0 with input as design(1, 3, 10, clean)
}

test_drain_beyond_the_grace_period_fails if {
	count(rule.deny) == 0 with input as design(1, 3, 50, {"drain_seconds": 25, "pre_stop_seconds": 5, "grace_period_seconds": 30})
	findings := rule.deny with input as design(1, 3, 50, {"drain_seconds": 26, "pre_stop_seconds": 5, "grace_period_seconds": 30})
	paths(findings) == {"processes.shutdown.grace_period_seconds"}
}

test_unstated_mechanics_are_open_questions if {
	design_input := {"deployment": {"platform": "kubernetes"}}
	paths(rule.unanswered) == {
		"deployment.disruption_budget.max_unavailable",
		"processes.shutdown.pre_stop_seconds",
		"processes.shutdown.grace_period_seconds",
	} with input as design_input
	count(rule.deny) == 0 with input as design_input
}
