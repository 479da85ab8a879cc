# METADATA
# title: External REST and GraphQL APIs compress their responses
# description: |-
#   JSON is verbose, and clients on mobile networks or far from the region
#   pay for every byte in latency. Compressing responses (gzip, or Brotli
#   where clients accept it) typically shrinks text payloads several times
#   over, which shortens time to first render and cuts egress. It is cheap
#   to turn on at the gateway or CDN and easy to forget.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_networking_evaluate_networking_features.html
#     description: PERF04-BP02 Evaluate available networking features
#   - ref: https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/Compression
#     description: MDN, Compression in HTTP
# custom:
#   id: WA331
#   severity: low
#   level: proactive
#   check: presence
#   best_practices: [PERF04-BP02]
#   frameworks:
#     well-architected: performance-efficiency
#     production-readiness: api-design
#   remediation: |-
#     Enable response compression for text content types at the CDN, API
#     gateway or server (honouring Accept-Encoding, with a minimum size so
#     tiny bodies are left alone) and set `apis[].compression: true`.
#   applicability: REST or GraphQL APIs exposed publicly or to partners.
#   example: |-
#     apis:
#       - name: storefront
#         style: rest
#         exposure: public
#         compression: true
package archvet.rules.well_architected.perf_response_compression

import rego.v1

import data.archvet.lib

checked contains [i, api] if {
	some i, api in lib.apis
	object.get(api, "style", "") in {"rest", "graphql"}
	object.get(api, "exposure", "") in {"public", "partner"}
}

applicable if count(checked) > 0

deny contains lib.finding(msg, sprintf("apis[%d].compression", [i])) if {
	some [i, api] in checked
	object.get(api, "compression", null) == false
	msg := sprintf("api %q sends uncompressed responses to external clients", [api.name])
}

unanswered contains lib.finding(msg, sprintf("apis[%d].compression", [i])) if {
	some [i, api] in checked
	object.get(api, "compression", null) == null
	msg := sprintf("the design does not say whether api %q compresses its responses", [api.name])
}
