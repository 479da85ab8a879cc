package archvet.rules.production_readiness.availability_min_replicas_test

import rego.v1

import data.archvet.rules.production_readiness.availability_min_replicas as rule

test_enough_replicas_pass if {
	count(rule.deny) == 0 with input as {
		"deployment": {"availability_zones": 2},
		"processes": {"scaling": {"min_replicas": 2}},
	}
}

test_single_replica_fails if {
	findings := rule.deny with input as {"processes": {"scaling": {"min_replicas": 1}}}
	count(findings) == 1
	some f in findings
	f.path == "processes.scaling.min_replicas"
	contains(f.msg, "at least 2")
}

test_fewer_replicas_than_zones_fails if {
	some f in rule.deny with input as {
		"deployment": {"availability_zones": 3},
		"processes": {"scaling": {"min_replicas": 2}},
	}
	f.path == "processes.scaling.min_replicas"
	contains(f.msg, "3 availability zones")
}

test_unstated_fails if {
	some f in rule.deny with input as {"processes": {"stateless": true}}
	f.path == "processes.scaling.min_replicas"
}

test_serverless_not_applicable if {
	not rule.applicable with input as {"deployment": {"platform": "serverless"}}
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 3}}
}
