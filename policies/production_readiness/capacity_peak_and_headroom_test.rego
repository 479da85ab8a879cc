package archvet.rules.production_readiness.capacity_peak_and_headroom_test

import rego.v1

import data.archvet.rules.production_readiness.capacity_peak_and_headroom as rule

design(tier, zones, headroom) := {
	"service": {"name": "x", "owner": "t", "tier": tier},
	"deployment": {"availability_zones": zones},
	"capacity": {"peak_rps": 500, "headroom_percent": headroom},
}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as design(2, 1, 20)
	not rule.applicable with input as design(3, 1, 20)
}

test_estimated_peak_with_headroom_passes if {
	count(rule.deny) == 0 with input as design(0, 3, 50)
	count(rule.unanswered) == 0 with input as design(0, 3, 50)
}

test_missing_estimates_are_open_questions_for_a_worker if {
	paths(rule.unanswered) == {"capacity.peak_rps", "capacity.headroom_percent"} with input as {"capacity": {"load_shedding": true}}
	count(rule.deny) == 0 with input as {"capacity": {"load_shedding": true}}
}

test_api_peak_left_to_wa335 if {
	paths(rule.unanswered) == {"capacity.headroom_percent"} with input as {"apis": [{"name": "orders"}], "capacity": {"load_shedding": true}}
}

# One zone, so only the plain headroom floor applies: at the floor passes,
# one point below fails, at every tier.
test_headroom_floor_at_each_tier if {
	every tier, limit in [40, 30, 20] {
		count(rule.deny) == 0 with input as design(tier, 1, limit)
		paths(rule.deny) == {"capacity.headroom_percent"} with input as design(tier, 1, limit - 1)
	}
}

# E9 and bug 8: tier 1 over two zones with 30% headroom leaves 65% of the
# peak after a zone loss.
test_e9_zone_loss_headroom_at_tier_1 if {
	findings := rule.deny with input as design(1, 2, 30)
	paths(findings) == {"capacity.headroom_percent"}
	some f in findings
	contains(f.msg, "it needs 100%")
}

test_zone_loss_headroom_at_each_tier if {
	every tier in [0, 1, 2] {
		count(rule.deny) == 0 with input as design(tier, 3, 50)
		paths(rule.deny) == {"capacity.headroom_percent"} with input as design(tier, 3, 49)
	}
}

test_override_of_the_floor if {
	paths(rule.deny) == {"capacity.headroom_percent"} with input as design(2, 1, 20)
		with data.archvet.params as {"PR313": {"min_headroom_percent": [40, 30, 25, 20]}}
}
