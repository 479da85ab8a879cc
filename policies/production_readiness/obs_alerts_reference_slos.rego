# METADATA
# title: Paging symptom alerts are tied to declared SLOs
# description: |-
#   When each paging alert names the SLO whose budget it protects, the
#   threshold has a reason, the responder knows what promise is at risk,
#   and the SLO review can tell which objectives are guarded and which are
#   not. An alert that points at an SLO the design does not declare is a
#   sign that the objective was renamed or dropped and the alert was
#   forgotten.
# related_resources:
#   - ref: https://sre.google/workbook/alerting-on-slos/
#     description: Google SRE workbook, Alerting on SLOs
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_workload_observability_create_alerts.html
#     description: OPS08-BP04 Create actionable alerts
# custom:
#   id: PR422
#   best_practices: [OPS08-BP04]
#   severity: medium
#   check: reasoning
#   level: proactive
#   frameworks:
#     production-readiness: observability
#     well-architected: operational-excellence
#   remediation: |-
#     Set `slo` on every paging symptom alert to the name of the SLO it
#     protects, and fix or remove alerts whose `slo` names no entry in
#     `slos`.
#   applicability: Services that declare at least one alert.
#   example: |-
#     slos:
#       - name: checkout-availability
#         sli: availability
#         objective_percent: 99.95
#     observability:
#       alerts:
#         - name: checkout-availability-fast-burn
#           based_on: symptom
#           severity: page
#           slo: checkout-availability
package archvet.rules.production_readiness.obs_alerts_reference_slos

import rego.v1

import data.archvet.lib

applicable if count(lib.alerts) > 0

declared contains name if {
	some slo in lib.slos
	name := object.get(slo, "name", "")
}

deny contains lib.finding(msg, path) if {
	some i, alert in lib.alerts
	name := object.get(alert, "slo", "")
	name != ""
	not name in declared
	msg := sprintf("alert %q watches slo %q, which the design does not declare", [object.get(alert, "name", "unnamed"), name])
	path := sprintf("observability.alerts[%d].slo", [i])
}

deny contains lib.finding(msg, path) if {
	count(lib.slos) > 0
	some i, alert in lib.alerts
	alert.based_on == "symptom"
	alert.severity == "page"
	object.get(alert, "slo", "") == ""
	msg := sprintf("paging alert %q is not tied to any slo", [object.get(alert, "name", "unnamed")])
	path := sprintf("observability.alerts[%d].slo", [i])
}
