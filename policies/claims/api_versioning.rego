# METADATA
# title: The versioning a review claims for an API is where its spec puts the version
# description: |-
#   Clients break when a contract changes under them, and versioning is
#   how an API promises it will not: a /v1 in the URL, a version header or
#   a media type. The review's `versioning` is what the API rules judge;
#   the spec's servers and paths are what clients call. A spec with no
#   version in its URLs behind a review that says URL versioning means
#   the next breaking change has nowhere to go. This rule holds
#   `apis[].versioning` against the version in the spec's server URLs and
#   paths.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_service_architecture_api_contracts.html
#     description: REL03-BP03 Provide service contracts per API
#   - ref: https://google.aip.dev/185
#     description: Google API Improvement Proposals, AIP-185 API versioning
# custom:
#   id: CL015
#   best_practices: [REL03-BP03]
#   severity: medium
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: api-design
#     well-architected: reliability
#   remediation: |-
#     Put the major version where the review says it is (a `/v1` server URL
#     or path prefix for URL versioning; a header or media-type parameter
#     otherwise, and then not in the URL), or correct `apis[].versioning`.
#   applicability: |-
#     Reviews whose APIs state `versioning`. Without the API's OpenAPI spec
#     among the artefacts the claim stays unverified.
#     It applies only when the review has OpenAPI specs among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     apis:
#       - name: checkout-web
#         spec: api/checkout-web.openapi.yaml
#         versioning: url
package archvet.rules.claims.api_versioning

import rego.v1

import data.archvet.lib

stated contains [sprintf("apis[%d].versioning", [i]), api.versioning] if {
	some i, api in lib.apis
	is_string(api.versioning)
}

# Without openapi in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("openapi")
	count(stated) > 0
}

# The version is in the URL when the servers or the paths carry it: the
# first fact that says so, else a fact that says not.
in_url(spec) := first if {
	urls := [fact |
		some key in ["version_in_servers", "version_in_paths"]
		fact := spec.facts[key]
		fact.value == true
	]
	first := urls[0]
} else := spec.facts.version_in_servers if {
	spec.facts.version_in_servers.value == false
	object.get(spec.facts, ["version_in_paths", "value"], false) == false
}

evidence contains {"path": path, "claimed": api.versioning, "spec": spec, "fact": in_url(spec)} if {
	some i, api in lib.apis
	is_string(api.versioning)
	some spec in lib.spec_of(api)
	path := sprintf("apis[%d].versioning", [i])
}

observed(true) := "puts a version in its server URLs or paths"

observed(false) := "has no version in its server URLs or paths"

judged contains {"path": e.path, "fact": e.fact, "compared": [e.fact.value, by_url], "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	by_url := e.claimed == "url"
	msg := sprintf("%s says %s, but %s %s", [e.path, e.claimed, e.spec.file, observed(e.fact.value)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)
