package archvet.rules.well_architected.reliability_network_topology_test

import rego.v1

import data.archvet.rules.well_architected.reliability_network_topology as rule

two_regions(tier, network) := {
	"service": {"tier": tier},
	"deployment": {"regions": ["eu-west-1", "eu-central-1"], "network": network},
	"disaster_recovery": {"multi_region": true, "rto_minutes": 30},
}

good := {"redundant_connectivity": true, "dns_failover": true, "dns_ttl_seconds": 60}

test_redundant_path_and_dns_failover_pass if {
	rule.applicable with input as two_regions(0, good)
	count(rule.deny) == 0 with input as two_regions(0, good)
	count(rule.unanswered) == 0 with input as two_regions(0, good)
}

test_single_network_path_fails if {
	inp := {"service": {"tier": 2}, "deployment": {"network": {"redundant_connectivity": false}}}
	{f.path | some f in rule.deny} == {"deployment.network.redundant_connectivity"} with input as inp
}

test_manual_dns_failover_fails if {
	inp := two_regions(1, object.union(good, {"dns_failover": false}))
	{f.path | some f in rule.deny} == {"deployment.network.dns_failover"} with input as inp
}

test_ttl_limit_at_each_tier if {
	every tier, limit in [60, 300, 300] {
		count(rule.deny) == 0 with input as two_regions(tier, object.union(good, {"dns_ttl_seconds": limit}))
		case := two_regions(tier, object.union(good, {"dns_ttl_seconds": limit + 1}))
		{f.path | some f in rule.deny} == {"deployment.network.dns_ttl_seconds"} with input as case
	}
}

test_ttl_override if {
	count(rule.deny) == 1 with input as two_regions(2, good)
		with data.archvet.params as {"WA401": {"max_dns_ttl_seconds": [30, 30, 30, 30]}}
}

test_ttl_longer_than_rto_fails if {
	inp := {
		"service": {"tier": 2},
		"deployment": {"regions": ["a", "b"], "network": object.union(good, {"dns_ttl_seconds": 300})},
		"disaster_recovery": {"rto_minutes": 4},
	}
	count(rule.deny) == 0 with input as object.union(inp, {"disaster_recovery": {"rto_minutes": 5}})
	findings := rule.deny with input as inp
	some f in findings
	contains(f.msg, "4-minute rto")
}

test_silence_is_unanswered if {
	inp := two_regions(0, {})
	paths := {f.path | some f in rule.unanswered} with input as inp
	paths == {"deployment.network.redundant_connectivity", "deployment.network.dns_failover", "deployment.network.dns_ttl_seconds"}
}

test_one_region_is_not_asked_about_dns if {
	inp := {"service": {"tier": 1}, "deployment": {"regions": ["eu-west-1"], "network": {"redundant_connectivity": true}}}
	count(rule.unanswered) == 0 with input as inp
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {"service": {"tier": 3}}
}
