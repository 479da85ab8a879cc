package archvet.rules.well_architected.sus_utilization_target_test

import rego.v1

import data.archvet.rules.well_architected.sus_utilization_target as rule

at(tier, target) := {"service": {"tier": tier}, "sustainability": {"utilization_target_percent": target}}

test_floor_at_each_tier if {
	every tier, minimum in [50, 50, 40, 30] {
		count(rule.deny) == 0 with input as at(tier, minimum)
		{f.path | some f in rule.deny} == {"sustainability.utilization_target_percent"} with input as at(tier, minimum - 1)
	}
}

# The design tension of the catalogue review: 100% headroom (two zones, N-1)
# allows at most 50% utilisation, so 50% is the floor and 51% too high.
test_headroom_caps_the_target if {
	count(rule.deny) == 0 with input as object.union(at(0, 50), {"capacity": {"headroom_percent": 100}})
	inp := object.union(at(0, 51), {"capacity": {"headroom_percent": 100}})
	findings := rule.deny with input as inp
	some f in findings
	contains(f.msg, "headroom")
}

# With 150% headroom the ceiling (40%) is below the tier-0 minimum: the floor
# follows the ceiling, so the rule never asks for the impossible.
test_floor_follows_a_low_ceiling if {
	count(rule.deny) == 0 with input as object.union(at(0, 40), {"capacity": {"headroom_percent": 150}})
	count(rule.deny) == 1 with input as object.union(at(0, 39), {"capacity": {"headroom_percent": 150}})
}

test_checkout_target_fits_its_headroom if {
	count(rule.deny) == 0 with input as object.union(at(1, 65), {"capacity": {"headroom_percent": 50}})
	count(rule.deny) == 1 with input as object.union(at(1, 67), {"capacity": {"headroom_percent": 50}})
}

test_override if {
	count(rule.deny) == 1 with input as at(2, 50)
		with data.archvet.params as {"WA371": {"min_utilization_percent": [60, 60, 60, 60]}}
}

test_unstated_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"sustainability.utilization_target_percent"} with input as {}
	count(rule.deny) == 0 with input as {}
}
