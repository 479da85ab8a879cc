# METADATA
# title: Every API has a machine-readable contract
# description: |-
#   An API described only by its code and a wiki page has no contract
#   anybody can check: clients reverse-engineer it, breaking changes slip
#   through review because nobody sees the diff of the interface, and
#   contract tests, mocks, client libraries and gateway validation all have
#   to be written by hand. An OpenAPI, protobuf, GraphQL or AsyncAPI file
#   kept beside the code makes the interface reviewable and testable.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_service_architecture_api_contracts.html
#     description: REL03-BP03 Provide service contracts per API
#   - ref: https://spec.openapis.org/oas/latest.html
#     description: The OpenAPI Specification
# custom:
#   id: PR110
#   severity: medium
#   level: reactive
#   check: presence
#   best_practices: [REL03-BP03]
#   frameworks:
#     production-readiness: api-design
#     well-architected: reliability
#   remediation: |-
#     Write (or generate) an OpenAPI document, .proto files or a GraphQL
#     schema for the API, keep it in the repository, check changes to it for
#     compatibility in CI, and point `apis[].spec` at it.
#   applicability: The service offers at least one API.
#   example: |-
#     apis:
#       - name: orders
#         spec: api/openapi.yaml
package archvet.rules.production_readiness.api_contract_spec

import rego.v1

import data.archvet.lib

applicable if count(lib.apis) > 0

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	is_string(api.spec)
	trim_space(api.spec) == ""
	msg := sprintf("api %q names an empty contract, so it has no machine-readable one", [api.name])
	path := sprintf("apis[%d].spec", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, api in lib.apis
	not is_string(object.get(api, "spec", null))
	msg := sprintf("the design does not say where the machine-readable contract of api %q is", [api.name])
	path := sprintf("apis[%d].spec", [i])
}
