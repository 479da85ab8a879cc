package archvet.rules.claims.api_versioning_test

import rego.v1

import data.archvet.rules.claims.api_versioning as rule

at(line) := {"file": "api/web.openapi.yaml", "line": line, "column": 3}

review := {"apis": [{"name": "web", "spec": "api/web.openapi.yaml", "versioning": "url"}]}

with_facts(facts) := object.union(review, {"_artefacts": {"openapi": {"specs": [
	{"ref": "api/web.openapi.yaml", "file": "api/web.openapi.yaml", "at": at(1), "facts": facts, "operations": []},
]}}})

status(claims) := [c.status | some c in claims][0]

test_version_in_servers_verifies if {
	inp := with_facts({"version_in_servers": {"value": true, "at": at(5)}, "version_in_paths": {"value": false, "at": at(9)}})
	rule.claims == {{"path": "apis[0].versioning", "status": "verified", "claimed": "url", "observed": true, "at": at(5)}} with input as inp
	count(rule.deny) == 0 with input as inp
}

test_version_in_both_verifies_at_the_servers if {
	inp := with_facts({"version_in_servers": {"value": true, "at": at(5)}, "version_in_paths": {"value": true, "at": at(9)}})
	rule.claims == {{"path": "apis[0].versioning", "status": "verified", "claimed": "url", "observed": true, "at": at(5)}} with input as inp
}

test_version_in_paths_verifies if {
	inp := with_facts({"version_in_servers": {"value": false, "at": at(5)}, "version_in_paths": {"value": true, "at": at(9)}})
	rule.claims == {{"path": "apis[0].versioning", "status": "verified", "claimed": "url", "observed": true, "at": at(9)}} with input as inp
}

test_no_version_in_urls_contradicts if {
	inp := with_facts({"version_in_servers": {"value": false, "at": at(5)}, "version_in_paths": {"value": false, "at": at(9)}})
	rule.deny == {{
		"msg": "apis[0].versioning says url, but api/web.openapi.yaml has no version in its server URLs or paths",
		"path": "apis[0].versioning",
		"at": at(5),
		"related": [],
	}} with input as inp
}

test_header_versioning_with_a_url_version_contradicts if {
	inp := json.patch(with_facts({"version_in_paths": {"value": true, "at": at(9)}}), [{"op": "replace", "path": "/apis/0/versioning", "value": "header"}])
	some f in rule.deny with input as inp
	f.msg == "apis[0].versioning says header, but api/web.openapi.yaml puts a version in its server URLs or paths"
	f.at == at(9)
}

test_spec_without_servers_is_not_judged if {
	inp := with_facts({"version_in_paths": {"value": false, "at": at(9)}})
	status(rule.claims) == "unverified" with input as inp
}

test_without_openapi_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# OpenAPI specs were read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"openapi": {}}})

test_when_nothing_speaks_the_claim_is_unverified if {
	rule.applicable with input as nothing_read
	status(rule.claims) == "unverified" with input as nothing_read
}

test_no_versioning_stated_not_applicable if {
	not rule.applicable with input as {"apis": [{"name": "web"}]}
}
