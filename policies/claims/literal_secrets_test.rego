package archvet.rules.claims.literal_secrets_test

import rego.v1

import data.archvet.rules.claims.literal_secrets as rule

at(line) := {"file": "deploy/checkout.yaml", "line": line, "column": 13}

review := {"config": {"secrets": {"store": "vault", "in_repository": false}}}

with_env(web, relay) := object.union(review, {"_artefacts": {"kubernetes": {"workloads": [
	{"kind": "Deployment", "name": "checkout", "at": at(1), "facts": {"literal_secret_env": web}},
	{"kind": "Deployment", "name": "relay", "at": at(80), "facts": {"literal_secret_env": relay}},
]}}})

status(claims, path) := [c.status | some c in claims; c.path == path][0]

test_secret_references_only_verify if {
	inp := with_env({"value": [], "at": at(30)}, {"value": [], "at": at(90)})
	claims := rule.claims with input as inp
	count(claims) == 2
	every c in claims {
		c.status == "verified"
	}
	count(rule.deny) == 0 with input as inp
}

test_literal_secret_in_any_workload_contradicts if {
	inp := with_env({"value": [], "at": at(30)}, {"value": ["DB_PASSWORD", "API_TOKEN"], "at": at(95)})
	findings := rule.deny with input as inp
	count(findings) == 2
	some f in findings
	f.path == "config.secrets.in_repository"
	f.at == at(95)
	f.msg == "config.secrets.in_repository says false, but Deployment relay sets DB_PASSWORD, API_TOKEN as literal env values, committed with the manifest"
	some g in findings
	g.msg == "config.secrets.store says vault, but Deployment relay sets DB_PASSWORD, API_TOKEN from literal env values, not from the store"
}

test_environment_store_is_not_a_claim_to_check if {
	inp := json.patch(with_env({"value": ["DB_PASSWORD"], "at": at(30)}, {"value": [], "at": at(90)}), [
		{"op": "replace", "path": "/config/secrets/store", "value": "environment"},
		{"op": "replace", "path": "/config/secrets/in_repository", "value": true},
	])
	not rule.applicable with input as inp
	count(rule.deny) == 0 with input as inp
}

test_expression_stays_unverified if {
	inp := with_env({"unknown": true, "expression": "{{ .Values.env }}", "at": at(30)}, {"value": "DB_PASSWORD", "at": at(90)})
	claims := rule.claims with input as inp
	status(claims, "config.secrets.store") == "unverified"
}

test_without_kubernetes_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# Manifests were read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"kubernetes": {}}})

test_when_nothing_speaks_the_claims_are_unverified if {
	rule.applicable with input as nothing_read
	claims := rule.claims with input as nothing_read
	status(claims, "config.secrets.in_repository") == "unverified"
	status(claims, "config.secrets.store") == "unverified"
}

test_store_alone_applies if {
	rule.applicable with input as {"config": {"secrets": {"store": "kubernetes-secrets"}}, "_artefacts": {"kubernetes": {}}}
}
