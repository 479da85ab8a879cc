package archvet.rules.claims.zone_spread_test

import rego.v1

import data.archvet.rules.claims.zone_spread as rule

at(line) := {"file": "deploy/checkout.yaml", "line": line, "column": 7}

review := {"service": {"name": "checkout"}, "deployment": {"availability_zones": 3}}

with_spread(fact) := object.union(review, {"_artefacts": {"kubernetes": {"workloads": [
	{"kind": "Deployment", "name": "checkout", "at": at(1), "facts": {"zone_spread": fact}},
]}}})

test_zone_spread_verifies if {
	inp := with_spread({"value": true, "at": at(40)})
	rule.claims == {{"path": "deployment.availability_zones", "status": "verified", "claimed": 3, "observed": true, "at": at(40)}} with input as inp
	count(rule.deny) == 0 with input as inp
}

test_no_zone_spread_contradicts if {
	inp := with_spread({"value": false, "at": at(1)})
	rule.deny == {{
		"msg": concat("", [
			"deployment.availability_zones says 3, but Deployment checkout has no topology spread constraint by zone:",
			" the scheduler may place every replica in one zone",
		]),
		"path": "deployment.availability_zones",
		"at": at(1),
		"related": [],
	}} with input as inp
}

test_two_zones_are_checked if {
	inp := json.patch(with_spread({"value": false, "at": at(1)}), [{"op": "replace", "path": "/deployment/availability_zones", "value": 2}])
	count(rule.deny) == 1 with input as inp
}

test_expression_stays_unverified if {
	inp := with_spread({"unknown": true, "expression": "{{ .Values.spread }}", "at": at(40)})
	rule.claims == {{"path": "deployment.availability_zones", "status": "unverified", "claimed": 3, "observed": null, "at": at(40)}} with input as inp
}

test_without_kubernetes_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# Manifests were read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"kubernetes": {}}})

test_when_nothing_speaks_the_claim_is_unverified if {
	rule.applicable with input as nothing_read
	rule.claims == {{"path": "deployment.availability_zones", "status": "unverified", "claimed": 3, "observed": null, "at": null}} with input as nothing_read
}

test_one_zone_not_applicable if {
	not rule.applicable with input as {"deployment": {"availability_zones": 1}}
	count(rule.claims) == 0 with input as {"deployment": {"availability_zones": 1}}
}
