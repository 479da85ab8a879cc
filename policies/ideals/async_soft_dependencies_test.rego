package archvet.rules.ideals.async_soft_dependencies_test

import rego.v1

import data.archvet.rules.ideals.async_soft_dependencies

test_async_soft_passes if {
	count(async_soft_dependencies.deny) == 0 with input as {"dependencies": [
		{"name": "payments", "criticality": "hard", "interaction": "sync"},
		{"name": "email", "criticality": "soft", "interaction": "async"},
	]}
}

test_sync_soft_fails if {
	findings := async_soft_dependencies.deny with input as {"dependencies": [
		{"name": "payments", "criticality": "hard", "interaction": "sync"},
		{"name": "recommendations", "criticality": "soft", "interaction": "sync"},
		{"name": "email", "criticality": "soft"},
	]}
	paths := {f.path | some f in findings}
	paths == {"dependencies[1].interaction"}
}

test_no_soft_dependencies_not_applicable if {
	not async_soft_dependencies.applicable with input as {"dependencies": [{"name": "payments", "criticality": "hard"}]}
}

test_prototype_not_applicable if {
	not async_soft_dependencies.applicable with input as {
		"service": {"name": "x", "owner": "t", "tier": 3},
		"dependencies": [{"name": "email", "criticality": "soft", "interaction": "sync"}],
	}
}

soft_sync := {"name": "pricing", "criticality": "soft", "interaction": "sync"}

# Bug 11: the checkout example records ADR-0005 "call pricing
# synchronously"; a recorded decision satisfies the rule.
test_recorded_decision_satisfies if {
	inp := {"dependencies": [soft_sync], "decisions": [{
		"id": "ADR-0005", "title": "Publish order events through Kafka", "topic": "integration-style", "status": "accepted",
		"decision": "Announce orders as events; call pricing and payments synchronously.",
	}]}
	async_soft_dependencies.applicable with input as inp
	count(async_soft_dependencies.deny) == 0 with input as inp
}

test_rejected_decision_does_not_satisfy if {
	inp := {"dependencies": [soft_sync], "decisions": [{"id": "ADR-1", "title": "Call pricing synchronously", "status": "rejected"}]}
	{f.path | some f in async_soft_dependencies.deny} == {"dependencies[0].interaction"} with input as inp
}

test_decision_about_another_dependency_does_not_satisfy if {
	inp := {"dependencies": [soft_sync], "decisions": [{"id": "ADR-1", "title": "Call payments synchronously"}]}
	count(async_soft_dependencies.deny) == 1 with input as inp
}

test_unstated_interaction_is_unanswered if {
	inp := {"dependencies": [{"name": "email", "criticality": "soft"}]}
	{f.path | some f in async_soft_dependencies.unanswered} == {"dependencies[0].interaction"} with input as inp
	count(async_soft_dependencies.deny) == 0 with input as inp
}
