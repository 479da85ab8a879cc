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
	case_input := {
		"dependencies": [{"name": "payments"}],
		"consistency": {"model": "eventual"},
	}
	consistency_model_declared.applicable with input as case_input
	findings := consistency_model_declared.unanswered with input as case_input
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

test_pacelc_agrees_with_cap_and_model if {
	count(consistency_model_declared.deny) == 0 with input as {"consistency": {"model": "strong", "cap": "CP", "pacelc": "PC/EC", "rationale": "r"}}
	count(consistency_model_declared.deny) == 0 with input as {"consistency": {"model": "eventual", "cap": "AP", "pacelc": "PA/EL", "rationale": "r"}}
}

test_pacelc_contradicting_cap_fails if {
	case50 := {"consistency": {"model": "eventual", "cap": "CP", "pacelc": "PA/EL"}}
	{f.path | some f in consistency_model_declared.deny} == {"consistency.pacelc"} with input as case50
}

test_pacelc_latency_choice_contradicting_strong_model_fails if {
	case54 := {"consistency": {"model": "strong", "cap": "CP", "pacelc": "PC/EL"}}
	{f.path | some f in consistency_model_declared.deny} == {"consistency.pacelc"} with input as case54
}
