# METADATA
# title: Write APIs are safe to retry
# description: |-
#   Networks lose responses, not just requests: a client that times out
#   cannot tell whether its payment, order or transfer went through, and
#   retrying is the only sensible thing it can do. If the API is not
#   idempotent, that retry charges twice or ships twice. Idempotency keys, or
#   operations that are naturally idempotent (put by id, conditional
#   updates), make retries, and with them every resilience mechanism on the
#   client side, safe.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_prevent_interaction_failure_idempotent.html
#     description: REL04-BP04 Make mutating operations idempotent
#   - ref: https://google.aip.dev/155
#     description: Google API Improvement Proposals, AIP-155 Request identification
# custom:
#   id: PR104
#   severity: high
#   level: reactive
#   check: threshold
#   best_practices: [REL04-BP04]
#   frameworks:
#     production-readiness: api-design
#     well-architected: reliability
#   remediation: |-
#     Accept an idempotency key on every operation that creates or changes
#     state and return the stored result when the same key comes back, or make
#     the operations naturally idempotent. Set `apis[].idempotency` to `keys`,
#     `natural` or, for APIs that only read, `read-only`.
#   applicability: The service offers at least one API.
#   example: |-
#     apis:
#       - name: payments
#         idempotency: keys
#       - name: catalogue
#         idempotency: read-only
package archvet.rules.production_readiness.api_idempotency

import rego.v1

import data.archvet.lib

applicable if count(lib.apis) > 0

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	api.idempotency == "none"
	msg := sprintf("writes to api %q are not idempotent, so a retried request can apply twice", [api.name])
	path := sprintf("apis[%d].idempotency", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, api in lib.apis
	not api.idempotency
	msg := sprintf("the design does not say whether api %q is safe to retry", [api.name])
	path := sprintf("apis[%d].idempotency", [i])
}
