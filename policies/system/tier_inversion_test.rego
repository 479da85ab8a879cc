package archvet.system.tier_inversion_test

import rego.v1

import data.archvet.system.tier_inversion

callee_at := {"file": "payments/design.yaml", "line": 8, "column": 9}

# case is a review of the given tier with one dependency on a reviewed
# callee of callee_tier, as the system pass would hand it in.
case(tier, callee_tier, hard, sync) := {
	"service": {"name": "checkout", "tier": tier},
	"dependencies": [{"name": "search"}, {"name": "payments"}],
	"_system": {
		"self": {"name": "checkout", "tier": tier},
		"dependencies": [
			{"name": "search", "reviewed": false, "hard": true, "sync": true, "callee": null},
			{
				"name": "payments", "reviewed": true, "hard": hard, "sync": sync,
				"callee": {"name": "payments", "tier": callee_tier, "at": callee_at},
			},
		],
	},
}

test_hard_sync_on_less_critical_tier_fails if {
	inp := case(0, 2, true, true)
	tier_inversion.applicable with input as inp
	findings := tier_inversion.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].criticality"
	contains(f.msg, "tier 2")
	f.related == [{"msg": "payments declares tier 2 here", "at": callee_at}]
}

test_same_tier_passes if {
	count(tier_inversion.deny) == 0 with input as case(1, 1, true, true)
}

test_more_critical_callee_passes if {
	count(tier_inversion.deny) == 0 with input as case(2, 0, true, true)
}

test_soft_or_async_dependency_passes if {
	count(tier_inversion.deny) == 0 with input as case(0, 3, false, true)
	count(tier_inversion.deny) == 0 with input as case(0, 3, true, false)
}

# Tiers 0 and 1 accept no gap; tiers 2 and 3 accept one tier.
test_tier_gap_boundaries if {
	count(tier_inversion.deny) == 1 with input as case(0, 1, true, true)
	count(tier_inversion.deny) == 1 with input as case(1, 2, true, true)
	count(tier_inversion.deny) == 0 with input as case(2, 3, true, true)
	count(tier_inversion.deny) == 1 with input as case(2, 4, true, true)
	count(tier_inversion.deny) == 0 with input as case(3, 4, true, true)
	count(tier_inversion.deny) == 1 with input as case(3, 5, true, true)
}

test_override_allows_a_gap if {
	count(tier_inversion.deny) == 0 with input as case(0, 1, true, true)
		with data.archvet.params as {"SY001": {"max_tier_gap": [1, 1, 1, 1]}}
}

test_alone_not_applicable if {
	inp := object.remove(case(0, 2, true, true), ["_system"])
	not tier_inversion.applicable with input as inp
}

test_no_dependencies_not_applicable if {
	not tier_inversion.applicable with input as {"service": {"name": "a"}, "_system": {"dependencies": []}}
}

test_one_dependency_applicable if {
	inp := {
		"service": {"name": "checkout", "tier": 0},
		"dependencies": [{"name": "payments"}],
		"_system": {"dependencies": [{"name": "payments", "reviewed": false, "hard": true, "sync": true, "callee": null}]},
	}
	tier_inversion.applicable with input as inp
	count(tier_inversion.deny) == 0 with input as inp
}
