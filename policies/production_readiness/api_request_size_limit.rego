# METADATA
# title: Every API caps the size of a request
# description: |-
#   Without a request size limit, one oversized upload or a runaway client
#   can make the service buffer gigabytes, exhaust memory and take down the
#   instance, together with every other request it was serving. Parsers that
#   expand nested payloads make it worse. A declared maximum body size,
#   enforced before the body is read, turns such requests into a cheap
#   rejection.
# related_resources:
#   - ref: https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/
#     description: OWASP API Security Top 10, API4 Unrestricted Resource Consumption
#   - ref: https://sre.google/sre-book/handling-overload/
#     description: Google SRE book, Handling Overload
# custom:
#   id: PR101
#   severity: medium
#   level: reactive
#   check: threshold
#   params:
#     max_request_bytes:
#       description: largest request body an API may accept, in bytes
#       value: 10485760
#   frameworks:
#     production-readiness: api-design
#   remediation: |-
#     Enforce a maximum request body at the edge or in the server (reject
#     larger requests with 413) and record it in `apis[].max_request_bytes`.
#     Send large files through object storage with pre-signed uploads instead
#     of through the API.
#   applicability: The service offers at least one API.
#   example: |-
#     apis:
#       - name: orders
#         max_request_bytes: 1048576
package archvet.rules.production_readiness.api_request_size_limit

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if count(lib.apis) > 0

unanswered contains lib.finding(msg, path) if {
	some i, api in lib.apis
	not is_number(object.get(api, "max_request_bytes", null))
	msg := sprintf("the design does not say how large a request api %q accepts", [api.name])
	path := sprintf("apis[%d].max_request_bytes", [i])
}

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	api.max_request_bytes == 0
	msg := sprintf("api %q gives 0 as its largest request, which sets no bound", [api.name])
	path := sprintf("apis[%d].max_request_bytes", [i])
}

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	api.max_request_bytes > params.max_request_bytes
	msg := sprintf("api %q accepts requests of %d bytes, above %d", [api.name, api.max_request_bytes, params.max_request_bytes])
	path := sprintf("apis[%d].max_request_bytes", [i])
}
