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
	paths == {"dependencies[1].interaction", "dependencies[2].interaction"}
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
