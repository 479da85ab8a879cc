package archvet.rules.production_readiness.availability_min_replicas_test

import rego.v1

import data.archvet.rules.production_readiness.availability_min_replicas as rule

design(tier, replicas, zones) := {
	"service": {"name": "x", "owner": "t", "tier": tier},
	"deployment": {"platform": "kubernetes", "availability_zones": zones},
	"processes": {"scaling": {"min_replicas": replicas}},
}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as design(2, 1, 1)
	not rule.applicable with input as design(3, 1, 1)
	not rule.applicable with input as {"deployment": {"platform": "serverless"}}
}

test_missing_minimum_is_an_open_question if {
	paths(rule.unanswered) == {"processes.scaling.min_replicas"} with input as {"deployment": {"platform": "vm"}}
	count(rule.deny) == 0 with input as {"deployment": {"platform": "vm"}}
}

# E10 and bug 7: two instances over two zones is not N+2 at tier 0.
test_e10_two_instances_fail_at_tier_0 if {
	findings := rule.deny with input as design(0, 2, 2)
	paths(findings) == {"processes.scaling.min_replicas"}
	some f in findings
	contains(f.msg, "at least 3")
}

test_minimum_at_each_tier if {
	every tier, limit in [3, 2, 2] {
		count(rule.deny) == 0 with input as design(tier, limit, 1)
		paths(rule.deny) == {"processes.scaling.min_replicas"} with input as design(tier, limit - 1, 1)
	}
}

test_instances_must_cover_the_zones if {
	some f in rule.deny with input as design(1, 2, 3)
	contains(f.msg, "cannot cover the 3 availability zones")
}

# Tier 0 over 3 zones: 3 instances leave 2 after a zone loss; tier 0 over 2
# zones needs 4, since 3 leave only 1.
test_zone_loss_leaves_enough_at_each_tier if {
	count(rule.deny) == 0 with input as design(0, 3, 3)
	count(rule.deny) == 0 with input as design(0, 4, 2)
	some f in rule.deny with input as design(0, 3, 2)
	contains(f.msg, "only 1 of the 3 instances remain")
	every tier in [1, 2] {
		count(rule.deny) == 0 with input as design(tier, 2, 2)
	}
}

test_override_of_the_minimum if {
	paths(rule.deny) == {"processes.scaling.min_replicas"} with input as design(1, 2, 1)
		with data.archvet.params as {"PR312": {"min_replicas_count": [3, 3, 2, 1]}}
}

test_override_of_the_zone_loss_floor if {
	paths(rule.deny) == {"processes.scaling.min_replicas"} with input as design(1, 2, 2)
		with data.archvet.params as {"PR312": {"min_after_zone_loss_count": [2, 2, 1, 0]}}
}

test_zones_deleted_is_unanswered if {
	inp := {"service": {"tier": 1}, "processes": {"scaling": {"min_replicas": 3}}}
	{f.path | some f in rule.unanswered} == {"deployment.availability_zones"} with input as inp
}
