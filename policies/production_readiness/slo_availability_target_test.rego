package archvet.rules.production_readiness.slo_availability_target_test

import rego.v1

import data.archvet.rules.production_readiness.slo_availability_target as rule

test_tier0_target_met_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 0},
		"slos": [{"name": "avail", "sli": "availability", "objective_percent": 99.95}],
	}
}

test_tier2_lower_target_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"slos": [{"name": "avail", "sli": "availability", "objective_percent": 99}],
	}
}

test_tier1_below_minimum_fails if {
	findings := rule.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 1},
		"slos": [
			{"name": "latency", "sli": "latency", "objective_percent": 90},
			{"name": "avail", "sli": "availability", "objective_percent": 99},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "slos[1].objective_percent"
	contains(f.msg, "99.5")
}

test_missing_objective_is_an_open_question if {
	count(rule.deny) == 0 with input as {"slos": [{"name": "avail", "sli": "availability"}]}
	some f in rule.unanswered with input as {"slos": [{"name": "avail", "sli": "availability"}]}
	f.path == "slos[0].objective_percent"
	startswith(f.msg, "the design does not say")
}

design(tier, objective) := {
	"service": {"name": "s", "owner": "t", "tier": tier},
	"slos": [{"name": "avail", "sli": "availability", "objective_percent": objective}],
}

# The tier-0 minimum is 99.9 (a mutation to 99.0 survived before).
test_minimum_at_each_tier if {
	every tier, limit in [99.9, 99.5, 99.0] {
		count(rule.deny) == 0 with input as design(tier, limit)
		{f.path | some f in rule.deny} == {"slos[0].objective_percent"} with input as design(tier, limit - 0.01)
	}
}

test_override_of_the_minimum if {
	{f.path | some f in rule.deny} == {"slos[0].objective_percent"} with input as design(0, 99.95)
		with data.archvet.params as {"PR401": {"min_availability_percent": [99.99, 99.9, 99, 95]}}
}

test_hundred_percent_fails if {
	findings := rule.deny with input as {"slos": [{"name": "avail", "sli": "availability", "objective_percent": 100}]}
	count(findings) == 1
	some f in findings
	f.path == "slos[0].objective_percent"
	contains(f.msg, "no error budget")
}

test_applicable_with_an_availability_slo if {
	rule.applicable with input as design(2, 99)
}

test_tier3_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "s", "owner": "t", "tier": 3},
		"slos": [{"name": "avail", "sli": "availability", "objective_percent": 95}],
	}
}

test_no_availability_slo_is_an_open_question if {
	inp := {"service": {"tier": 1}, "slos": [{"name": "latency", "sli": "latency"}]}
	rule.applicable with input as inp
	{f.path | some f in rule.unanswered} == {"slos"} with input as inp
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as design(2, 99)
}
