package archvet.rules.claims.probes_test

import rego.v1

import data.archvet.rules.claims.probes as rule

at(line) := {"file": "deploy/checkout.yaml", "line": line, "column": 11}

review := {"service": {"name": "checkout"}, "processes": {"health_checks": {"liveness": "/healthz", "readiness": "/readyz"}}}

with_probes(facts) := object.union(review, {"_artefacts": {"kubernetes": {"workloads": [
	{"kind": "StatefulSet", "name": "checkout", "at": at(1), "facts": facts},
	{"kind": "Deployment", "name": "relay", "at": at(90), "facts": {"liveness_probe": {"value": false, "at": at(95)}}},
]}}})

status(claims, path) := [c.status | some c in claims; c.path == path][0]

test_probes_on_the_claimed_paths_verify if {
	inp := with_probes({"liveness_probe": {"value": "/healthz", "at": at(30)}, "readiness_probe": {"value": "/readyz", "at": at(36)}})
	claims := rule.claims with input as inp
	claims == {
		{"path": "processes.health_checks.liveness", "status": "verified", "claimed": "/healthz", "observed": "/healthz", "at": at(30)},
		{"path": "processes.health_checks.readiness", "status": "verified", "claimed": "/readyz", "observed": "/readyz", "at": at(36)},
	}
	count(rule.deny) == 0 with input as inp
}

test_missing_probe_and_other_path_contradict if {
	inp := with_probes({"liveness_probe": {"value": "/livez", "at": at(30)}, "readiness_probe": {"value": false, "at": at(1)}})
	findings := rule.deny with input as inp
	count(findings) == 2
	some f in findings
	f.msg == "processes.health_checks.liveness says /healthz, but StatefulSet checkout probes /livez"
	f.at == at(30)
	some g in findings
	g.msg == "processes.health_checks.readiness says /readyz, but StatefulSet checkout has no readiness probe"
}

test_probe_of_another_kind_counts if {
	inp := with_probes({"liveness_probe": {"value": true, "at": at(30)}})
	claims := rule.claims with input as inp
	status(claims, "processes.health_checks.liveness") == "verified"
	status(claims, "processes.health_checks.readiness") == "unverified"
}

test_expression_stays_unverified if {
	inp := with_probes({"liveness_probe": {"unknown": true, "expression": "{{ .Values.probe }}", "at": at(30)}})
	claims := rule.claims with input as inp
	status(claims, "processes.health_checks.liveness") == "unverified"
	count(rule.deny) == 0 with input as inp
}

test_without_kubernetes_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# Manifests were read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"kubernetes": {}}})

test_when_nothing_speaks_the_claims_are_unverified if {
	rule.applicable with input as nothing_read
	claims := rule.claims with input as nothing_read
	count(claims) == 2
	status(claims, "processes.health_checks.readiness") == "unverified"
}

test_one_claim_is_enough_to_apply if {
	rule.applicable with input as object.union({"processes": {"health_checks": {"readiness": "/readyz"}}}, {"_artefacts": {"kubernetes": {}}})
}

test_no_health_checks_not_applicable if {
	not rule.applicable with input as {"processes": {"stateless": true}}
}
