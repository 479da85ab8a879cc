package archvet.rules.production_readiness.decision_revisit_due_test

import rego.v1

import data.archvet.rules.production_readiness.decision_revisit_due as rule

# 2026-11-23T00:00:00Z
now := 1795392000000000000

test_future_revisit_passes if {
	count(rule.deny) == 0 with input as {"decisions": [
		{"id": "ADR-0001", "title": "Buy payments", "status": "accepted", "revisit": "2027-11-01"},
		{"id": "ADR-0002", "title": "Saga", "revisit": "2026-11-23"},
	]}
		with time.now_ns as now
}

test_passed_revisit_fails if {
	findings := rule.deny with input as {"decisions": [
		{"id": "ADR-0001", "title": "Buy payments", "status": "accepted", "revisit": "2027-11-01"},
		{"id": "ADR-0004", "title": "Warm standby", "status": "accepted", "revisit": "2026-01-20"},
	]}
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "decisions[1].revisit"
	contains(f.msg, "ADR-0004")
	contains(f.msg, "2026-01-20, 307 days ago")
}

test_overdue_from_the_day_after if {
	some f in rule.deny with input as {"decisions": [{"id": "ADR-7", "title": "x", "revisit": "2026-11-22"}]}
		with time.now_ns as now
	f.path == "decisions[0].revisit"
	endswith(f.msg, "1 day ago")
}

test_proposed_decision_counts if {
	count(rule.deny) == 1 with input as {"decisions": [{"id": "ADR-2", "title": "x", "status": "proposed", "revisit": "2025-01-01"}]}
		with time.now_ns as now
}

test_closed_decisions_not_applicable if {
	not rule.applicable with input as {"decisions": [
		{"id": "ADR-1", "title": "old", "status": "superseded", "revisit": "2024-01-01"},
		{"id": "ADR-2", "title": "no", "status": "rejected", "revisit": "2024-01-01"},
		{"id": "ADR-3", "title": "no date", "status": "accepted"},
	]}
}

test_cover_applicable if {
	rule.applicable with input as {"decisions": [{"title": "use postgres", "status": "accepted", "revisit": "2020-01-01"}]}
}

test_override_of_the_grace if {
	inp := {"decisions": [{"id": "ADR-7", "title": "x", "revisit": "2026-11-13"}]}
	count(rule.deny) == 1 with input as inp with time.now_ns as now
	count(rule.deny) == 0 with input as inp with time.now_ns as now
		with data.archvet.params as {"PR460": {"max_days_overdue": [10, 10, 10, 10]}}
	count(rule.deny) == 1 with input as inp with time.now_ns as now
		with data.archvet.params as {"PR460": {"max_days_overdue": [9, 9, 9, 9]}}
}
