package archvet.rules.well_architected.sec_incident_response_test

import rego.v1

import data.archvet.rules.well_architected.sec_incident_response as rule

now := time.parse_ns("2006-01-02", "2026-11-23")

days_before(n) := time.format([time.add_date(now, 0, 0, 0 - n), "UTC", "2006-01-02"])

design(tier, exercised) := {
	"service": {"tier": tier},
	"security": {"audit_logging": true, "incident_response": {"playbook": "docs/sec-ir.md", "last_exercise": exercised}},
}

test_rehearsed_playbook_passes if {
	rule.applicable with input as design(0, "2026-09-01")
	count(rule.deny) == 0 with input as design(0, "2026-09-01") with time.now_ns as now
	count(rule.unanswered) == 0 with input as design(0, "2026-09-01") with time.now_ns as now
}

test_exercise_age_at_each_tier if {
	every tier, limit in [180, 365, 365] {
		count(rule.deny) == 0 with input as design(tier, days_before(limit)) with time.now_ns as now
		paths := {f.path | some f in rule.deny} with input as design(tier, days_before(limit + 1)) with time.now_ns as now
		paths == {"security.incident_response.last_exercise"}
	}
}

test_exercise_age_override if {
	count(rule.deny) == 1 with input as design(1, days_before(40))
		with time.now_ns as now
		with data.archvet.params as {"WA402": {"max_exercise_age_days": [30, 30, 30, 30]}}
}

test_playbook_without_audit_log_fails if {
	inp := object.union(design(1, "2026-09-01"), {"security": {"audit_logging": false}})
	{f.path | some f in rule.deny} == {"security.audit_logging"} with input as inp with time.now_ns as now
}

test_silence_is_unanswered if {
	paths := {f.path | some f in rule.unanswered} with input as {"service": {"tier": 1}}
	paths == {"security.incident_response.playbook", "security.incident_response.last_exercise"}
	count(rule.deny) == 0 with input as {"service": {"tier": 1}}
}

test_prototype_not_applicable if {
	not rule.applicable with input as {"service": {"tier": 3}}
	not rule.applicable with input as {"service": {"tier": 1, "lifecycle": "experimental"}}
}
