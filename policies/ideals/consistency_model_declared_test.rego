package archvet.rules.ideals.consistency_model_declared_test

import rego.v1

import data.archvet.rules.ideals.consistency_model_declared

test_declared_passes if {
	count(consistency_model_declared.deny) == 0 with input as {
		"data_stores": [{"name": "orders-db"}],
		"consistency": {"model": "eventual", "cap": "AP", "rationale": "stale reads are cheap"},
	}
}

test_missing_fields_fail if {
	findings := consistency_model_declared.unanswered with input as {
		"dependencies": [{"name": "payments"}],
		"consistency": {"model": "eventual"},
	}
	paths := {f.path | some f in findings}
	paths == {"consistency.cap", "consistency.rationale"}
}

test_contradiction_fails if {
	findings := consistency_model_declared.deny with input as {
		"data_stores": [{"name": "orders-db"}],
		"consistency": {"model": "strong", "cap": "AP", "rationale": "we want it all"},
	}
	count(findings) == 1
	some f in findings
	f.path == "consistency.cap"
}

test_stateless_not_applicable if {
	not consistency_model_declared.applicable with input as {"apis": [{"name": "health"}]}
}

test_prototype_not_applicable if {
	not consistency_model_declared.applicable with input as {
		"service": {"name": "x", "owner": "t", "tier": 3},
		"data_stores": [{"name": "db"}],
	}
}
