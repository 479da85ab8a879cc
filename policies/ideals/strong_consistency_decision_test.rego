package archvet.rules.ideals.strong_consistency_decision_test

import rego.v1

import data.archvet.rules.ideals.strong_consistency_decision

test_recorded_decision_passes if {
	count(strong_consistency_decision.deny) == 0 with input as {
		"consistency": {"cross_service_transactions": "two-phase-commit", "decision": "ADR-0007"},
		"decisions": [{"id": "ADR-0007", "title": "2pc", "status": "accepted"}],
	}
}

test_missing_decision_fails if {
	case_input := {
		"dependencies": [{"name": "ledger"}],
		"consistency": {"model": "strong"},
	}
	strong_consistency_decision.applicable with input as case_input
	findings := strong_consistency_decision.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "consistency.decision"
}

test_dangling_decision_fails if {
	some f in strong_consistency_decision.deny with input as {
		"consistency": {"cross_service_transactions": "distributed-lock", "decision": "ADR-9"},
		"decisions": [{"id": "ADR-1", "title": "x"}],
	}
	f.path == "consistency.decision"
	contains(f.msg, "ADR-9")
}

test_rejected_decision_fails if {
	some f in strong_consistency_decision.deny with input as {
		"consistency": {"cross_service_transactions": "two-phase-commit", "decision": "ADR-2"},
		"decisions": [{"id": "ADR-1", "title": "x"}, {"id": "ADR-2", "title": "2pc", "status": "rejected"}],
	}
	f.path == "decisions[1].status"
}

test_saga_not_applicable if {
	not strong_consistency_decision.applicable with input as {
		"dependencies": [{"name": "ledger"}],
		"consistency": {"model": "eventual", "cross_service_transactions": "saga"},
	}
}

test_strong_without_dependencies_not_applicable if {
	not strong_consistency_decision.applicable with input as {"consistency": {"model": "strong"}}
}
