# METADATA
# title: List operations are paginated with a bounded page size
# description: |-
#   A list endpoint that returns everything works in the demo and falls over
#   in production: as the data grows, one request reads the whole table,
#   holds it in memory, and ships megabytes to a client that shows twenty
#   rows. A single caller can then exhaust the service or its database.
#   Pagination with a hard upper limit on page size keeps the cost of every
#   request bounded no matter how large the data set becomes.
# related_resources:
#   - ref: https://google.aip.dev/158
#     description: Google API Improvement Proposals, AIP-158 Pagination
#   - ref: https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/
#     description: OWASP API Security Top 10, API4 Unrestricted Resource Consumption
#   - ref: https://sre.google/sre-book/handling-overload/
#     description: Google SRE book, Handling Overload
# custom:
#   id: PR100
#   severity: medium
#   level: reactive
#   check: threshold
#   params:
#     max_page_size:
#       description: largest page a list operation may return, in items
#       value: 1000
#   frameworks:
#     production-readiness: api-design
#   remediation: |-
#     Page every list operation, preferably with opaque cursors, and enforce a
#     server-side maximum page size of at most 1000 whatever the client asks
#     for. Set `pagination` and `max_page_size`, or `pagination: not-needed`
#     when the API has no list operations.
#   applicability: The service offers at least one API.
#   example: |-
#     apis:
#       - name: orders
#         pagination: cursor
#         max_page_size: 200
#       - name: health
#         pagination: not-needed
package archvet.rules.production_readiness.api_pagination

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if count(lib.apis) > 0

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	api.pagination == "none"
	msg := sprintf("api %q returns lists without pagination", [api.name])
	path := sprintf("apis[%d].pagination", [i])
}

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	api.pagination in {"cursor", "offset"}
	api.max_page_size > params.max_page_size
	msg := sprintf("api %q allows pages of %d items, above %d", [api.name, api.max_page_size, params.max_page_size])
	path := sprintf("apis[%d].max_page_size", [i])
}

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	api.pagination in {"cursor", "offset"}
	api.max_page_size == 0
	msg := sprintf("api %q gives 0 as its largest page, which sets no bound on a page", [api.name])
	path := sprintf("apis[%d].max_page_size", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, api in lib.apis
	not api.pagination
	msg := sprintf("the design does not say how api %q pages its list operations", [api.name])
	path := sprintf("apis[%d].pagination", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, api in lib.apis
	api.pagination in {"cursor", "offset"}
	not is_number(object.get(api, "max_page_size", null))
	msg := sprintf("the design does not say how large a page api %q returns at most", [api.name])
	path := sprintf("apis[%d].max_page_size", [i])
}
