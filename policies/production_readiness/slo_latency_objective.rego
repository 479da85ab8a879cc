# METADATA
# title: A service with APIs has a latency SLO with an explicit threshold
# description: |-
#   Callers experience a slow answer much like a failed one: they time out,
#   retry or give up. An availability SLO alone stays green while the service
#   crawls, so a service that offers APIs also needs an objective on the
#   share of requests answered faster than a stated threshold. The threshold
#   is what makes the SLI measurable; "fast enough" is not.
# related_resources:
#   - ref: https://sre.google/workbook/implementing-slos/
#     description: Google SRE workbook, Implementing SLOs (latency SLIs and thresholds)
#   - ref: https://sre.google/sre-book/service-level-objectives/
#     description: Google SRE book, Service Level Objectives
# custom:
#   id: PR402
#   severity: medium
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: slos
#   remediation: |-
#     Add an SLO with `sli: latency`, a `threshold_ms` that a good request
#     stays under (for example the 95th or 99th percentile users tolerate),
#     and an `objective_percent` for the share of requests that must meet it.
#   applicability: Services of tier 0 to 2 that offer at least one API.
#   example: |-
#     apis:
#       - name: orders
#         style: rest
#     slos:
#       - name: orders-latency
#         sli: latency
#         threshold_ms: 300
#         objective_percent: 99
package archvet.rules.production_readiness.slo_latency_objective

import rego.v1

import data.archvet.lib

applicable if {
	lib.tier <= 2
	count(lib.apis) > 0
}

latency_slos contains [i, slo] if {
	some i, slo in lib.slos
	slo.sli == "latency"
}

deny contains lib.finding(msg, "slos") if {
	count(latency_slos) == 0
	msg := sprintf("the service offers %d api(s) but declares no latency slo", [count(lib.apis)])
}

unanswered contains lib.finding(msg, path) if {
	some [i, slo] in latency_slos
	object.get(slo, "threshold_ms", null) == null
	msg := sprintf("the design does not say what threshold_ms a good request to latency slo %q stays under", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d].threshold_ms", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, slo] in latency_slos
	object.get(slo, "objective_percent", null) == null
	msg := sprintf("the design does not say the objective_percent of latency slo %q", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d].objective_percent", [i])
}
