package archvet.rules.claims.security_context_test

import rego.v1

import data.archvet.rules.claims.security_context as rule

at(line) := {"file": "deploy/checkout.yaml", "line": line, "column": 13}

review := {"service": {"name": "checkout"}, "security": {"least_privilege": true}}

with_facts(facts) := object.union(review, {"_artefacts": {"kubernetes": {"workloads": [
	{"kind": "Deployment", "name": "checkout", "at": at(1), "facts": facts},
]}}})

status(claims) := [c.status | some c in claims][0]

test_non_root_read_only_verifies if {
	inp := with_facts({"run_as_non_root": {"value": true, "at": at(30)}, "read_only_root_filesystem": {"value": true, "at": at(31)}})
	status(rule.claims) == "verified" with input as inp
	count(rule.deny) == 0 with input as inp
}

test_root_contradicts if {
	inp := with_facts({"run_as_non_root": {"value": false, "at": at(20)}, "read_only_root_filesystem": {"value": true, "at": at(31)}})
	rule.deny == {{
		"msg": "security.least_privilege says true, but Deployment checkout may run as root (runAsNonRoot is not true)",
		"path": "security.least_privilege",
		"at": at(20),
		"related": [],
	}} with input as inp
}

test_writable_root_contradicts if {
	inp := with_facts({"read_only_root_filesystem": {"value": false, "at": at(20)}})
	some f in rule.deny with input as inp
	f.msg == "security.least_privilege says true, but Deployment checkout has a writable root file system (readOnlyRootFilesystem is not true)"
}

test_expression_stays_unverified if {
	inp := with_facts({"run_as_non_root": {"unknown": true, "expression": "{{ .Values.nonRoot }}", "at": at(30)}})
	status(rule.claims) == "unverified" with input as inp
}

test_without_kubernetes_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# Manifests were read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"kubernetes": {}}})

test_when_nothing_speaks_the_claim_is_unverified if {
	rule.applicable with input as nothing_read
	status(rule.claims) == "unverified" with input as nothing_read
}

test_no_least_privilege_claim_not_applicable if {
	not rule.applicable with input as {"security": {"least_privilege": false}}
	count(rule.claims) == 0 with input as {"security": {"least_privilege": false}}
}
