# METADATA
# title: Externally reachable APIs are probed by synthetic checks
# description: |-
#   Server-side metrics see only the requests that reach the server. When
#   DNS, a certificate, the CDN, the load balancer or a firewall rule
#   breaks, traffic simply stops arriving and every internal signal looks
#   calm. Synthetic probes that call the API from outside, the way a real
#   client does, detect those failures and confirm the service works at
#   quiet hours when there is no real traffic to measure.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_observability_customer_telemetry.html
#     description: OPS04-BP03 Implement user experience telemetry
#   - ref: https://sre.google/sre-book/monitoring-distributed-systems/
#     description: Google SRE book, Monitoring Distributed Systems (black-box monitoring)
# custom:
#   id: PR419
#   best_practices: [OPS04-BP03]
#   severity: medium
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: observability
#     well-architected: operational-excellence
#   remediation: |-
#     Run synthetic probes against each public and partner API from outside
#     the service's network, covering a read path and, where safe, a write
#     path, alert on their failures, and set
#     `observability.synthetic_checks: true`.
#   applicability: Services of tier 0 to 2 with at least one public or partner API.
#   example: |-
#     apis:
#       - name: storefront
#         exposure: public
#     observability:
#       synthetic_checks: true
package archvet.rules.production_readiness.obs_synthetic_checks

import rego.v1

import data.archvet.lib

exposed := [name |
	some api in lib.apis
	object.get(api, "exposure", "") in {"public", "partner"}
	name := object.get(api, "name", "unnamed")
]

applicable if {
	lib.tier <= 2
	count(exposed) > 0
}

synthetic := object.get(input, ["observability", "synthetic_checks"], null)

unanswered contains lib.finding(msg, "observability.synthetic_checks") if {
	synthetic == null
	msg := sprintf("the design does not say whether externally reachable api(s) %s are probed by synthetic checks", [concat(", ", exposed)])
}

deny contains lib.finding(msg, "observability.synthetic_checks") if {
	synthetic == false
	msg := sprintf("externally reachable api(s) %s are not probed by synthetic checks", [concat(", ", exposed)])
}
