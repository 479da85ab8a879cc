# METADATA
# title: Every API enforces a server-side deadline
# description: |-
#   A request that the server lets run forever holds a thread, a connection
#   and often a database transaction long after the client has given up.
#   Under load, a handful of slow requests grow into a pile that exhausts
#   the service, which is how one slow dependency turns into a full outage.
#   A server-side deadline for each request bounds the damage, frees
#   resources for requests that can still succeed, and gives a budget to
#   pass down to dependency calls.
# related_resources:
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (deadlines)
#   - ref: https://grpc.io/docs/guides/deadlines/
#     description: gRPC, deadlines
# custom:
#   id: PR111
#   severity: medium
#   level: reactive
#   check: threshold
#   params:
#     max_timeout_ms:
#       description: longest server-side deadline an API may give one request
#       tiers: [10000, 30000, 30000, 60000]
#   frameworks:
#     production-readiness: api-design
#   remediation: |-
#     Give every API a request deadline a little above its latency objective,
#     cancel the work (and the calls it made) when it expires, and set
#     `apis[].timeout_ms`.
#   applicability: The service offers at least one API.
#   example: |-
#     apis:
#       - name: orders
#         timeout_ms: 3000
package archvet.rules.production_readiness.api_server_timeouts

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if count(lib.apis) > 0

unanswered contains lib.finding(msg, path) if {
	some i, api in lib.apis
	not is_number(object.get(api, "timeout_ms", null))
	msg := sprintf("the design does not say what server-side deadline api %q gives a request", [api.name])
	path := sprintf("apis[%d].timeout_ms", [i])
}

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	api.timeout_ms == 0
	msg := sprintf("api %q gives 0 as its request deadline, so a request may run forever", [api.name])
	path := sprintf("apis[%d].timeout_ms", [i])
}

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	api.timeout_ms > params.max_timeout_ms
	msg := sprintf(
		"api %q lets a request run %d ms, longer than %d ms at tier %d",
		[api.name, api.timeout_ms, params.max_timeout_ms, lib.tier],
	)
	path := sprintf("apis[%d].timeout_ms", [i])
}
