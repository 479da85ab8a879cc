package archvet.rules.twelve_factor.short_lead_time_test

import rego.v1

import data.archvet.rules.twelve_factor.short_lead_time as rule

test_short_lead_time_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"tier": 0},
		"environments": [
			{"name": "staging", "kind": "staging", "lead_time_hours": 1},
			{"name": "production", "kind": "production", "lead_time_hours": 6},
		],
	}
}

test_slow_production_fails_for_critical_tier if {
	case_input := {
		"service": {"tier": 1},
		"environments": [
			{"name": "staging", "kind": "staging", "lead_time_hours": 2},
			{"name": "production", "kind": "production", "lead_time_hours": 72},
		],
	}
	rule.applicable with input as case_input
	findings := rule.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "environments[1].lead_time_hours"
}

test_same_lead_time_passes_for_lower_tier if {
	count(rule.deny) == 0 with input as {
		"service": {"tier": 2},
		"environments": [{"name": "production", "kind": "production", "lead_time_hours": 72}],
	}
}

test_missing_production_lead_time_fails if {
	findings := rule.unanswered with input as {
		"service": {"tier": 2},
		"environments": [
			{"name": "staging", "kind": "staging"},
			{"name": "prod"},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "environments[1].lead_time_hours"
}

test_not_applicable_without_environments if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

test_lead_time_limit_at_each_tier if {
	every tier, limit in [12, 24, 168, 336] {
		count(rule.deny) == 0 with input as {"service": {"tier": tier}, "environments": [{"name": "prod", "lead_time_hours": limit}]}
		case57 := {"service": {"tier": tier}, "environments": [{"name": "prod", "lead_time_hours": limit + 1}]}
		{f.path | some f in rule.deny} == {"environments[0].lead_time_hours"} with input as case57
	}
}

test_lead_time_override if {
	count(rule.deny) == 1 with input as {"service": {"tier": 3}, "environments": [{"name": "prod", "lead_time_hours": 5}]}
		with data.archvet.params as {"TF024": {"max_lead_time_hours": [4, 4, 4, 4]}}
}

test_one_environment_applicable if {
	rule.applicable with input as {"environments": [{"name": "prod", "lead_time_hours": 1}]}
}

test_override_of_the_production_names if {
	inp := {"service": {"tier": 2}, "environments": [{"name": "live"}]}
	count(rule.unanswered) == 0 with input as inp
	{f.path | some f in rule.unanswered} == {"environments[0].lead_time_hours"} with input as inp
		with data.archvet.params as {"TF024": {"production_names": [["live"], ["live"], ["live"], ["live"]]}}
}
