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

applicable if count(lib.apis) > 0

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	lib.get(api, "max_request_bytes", null) == null
	msg := sprintf("api %q does not limit the size of a request", [api.name])
	path := sprintf("apis[%d].max_request_bytes", [i])
}
