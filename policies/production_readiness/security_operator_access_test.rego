package archvet.rules.production_readiness.security_operator_access_test

import rego.v1

import data.archvet.rules.production_readiness.security_operator_access as rule

good := {"mfa": true, "standing_access": false, "break_glass": true, "break_glass_alerts": true}

design(access) := {"security": {"audit_logging": true, "operator_access": access}}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 1}}
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 2}}
}

test_controlled_access_passes if {
	count(rule.deny) == 0 with input as design(good)
	count(rule.unanswered) == 0 with input as design(good)
}

test_each_wrong_answer_fails_at_its_field if {
	every field, bad in {"mfa": false, "standing_access": true, "break_glass": false, "break_glass_alerts": false} {
		paths(rule.deny) == {sprintf("security.operator_access.%s", [field])} with input as design(object.union(good, {field: bad}))
	}
}

test_break_glass_without_audit_log_fails if {
	paths(rule.deny) == {"security.audit_logging"} with input as {"security": {"audit_logging": false, "operator_access": good}}
}

test_unstated_access_is_an_open_question if {
	paths(rule.unanswered) == {
		"security.operator_access.mfa",
		"security.operator_access.standing_access",
		"security.operator_access.break_glass",
		"security.operator_access.break_glass_alerts",
	} with input as {}
	count(rule.deny) == 0 with input as {}
}

test_no_alert_question_without_break_glass if {
	not "security.operator_access.break_glass_alerts" in paths(rule.unanswered) with input as design({"mfa": true, "standing_access": false, "break_glass": false})
}
