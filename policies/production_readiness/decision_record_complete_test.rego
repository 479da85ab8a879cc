package archvet.rules.production_readiness.decision_record_complete_test

import rego.v1

import data.archvet.rules.production_readiness.decision_record_complete as rule

decision(options) := {"decisions": [{
	"id": "ADR-1", "title": "t", "status": "accepted",
	"context": "c", "options": options, "consequences": "q",
}]}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as decision(["a", "b"])
	not rule.applicable with input as {"decisions": [{"id": "ADR-1", "title": "t", "status": "proposed"}]}
}

test_weighed_decision_passes if {
	count(rule.deny) == 0 with input as decision(["a", "b"])
	count(rule.unanswered) == 0 with input as decision(["a", "b"])
}

test_single_option_fails if {
	paths(rule.deny) == {"decisions[0].options"} with input as decision(["a"])
}

test_missing_parts_are_open_questions if {
	design := {"decisions": [{"id": "ADR-1", "title": "t", "status": "accepted"}]}
	paths(rule.unanswered) == {"decisions[0].context", "decisions[0].options", "decisions[0].consequences"} with input as design
	count(rule.deny) == 0 with input as design
}

test_override_of_the_count if {
	paths(rule.deny) == {"decisions[0].options"} with input as decision(["a", "b"])
		with data.archvet.params as {"PR472": {"min_options_count": [3, 3, 3, 3]}}
}

test_status_deleted_is_unanswered if {
	inp := {"decisions": [{"id": "ADR-1", "context": "c", "options": ["a", "b"], "consequences": "x"}]}
	rule.applicable with input as inp
	{f.path | some f in rule.unanswered} == {"decisions[0].status"} with input as inp
}
