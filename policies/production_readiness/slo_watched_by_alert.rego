# METADATA
# title: Every SLO is watched by at least one declared alert
# description: |-
#   An SLO that no alert refers to is a report, not a safeguard: it is read
#   after the month is over, once the budget is gone. Checking that some
#   alert in the design names each SLO catches objectives that were written
#   down but never wired into paging, and SLOs whose burn-rate alerts are
#   claimed but not actually listed among the service's alerts.
# related_resources:
#   - ref: https://sre.google/workbook/alerting-on-slos/
#     description: Google SRE workbook, Alerting on SLOs
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_workload_observability_create_alerts.html
#     description: OPS08-BP04 Create actionable alerts
# custom:
#   id: PR407
#   severity: medium
#   level: proactive
#   frameworks:
#     production-readiness: slos
#     well-architected: operational-excellence
#   remediation: |-
#     For each SLO, add its burn-rate alert(s) to `observability.alerts` and
#     set the alert's `slo` to the SLO's name.
#   applicability: Services that declare at least one SLO.
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
#           runbook: runbooks/checkout-availability.md
package archvet.rules.production_readiness.slo_watched_by_alert

import rego.v1

import data.archvet.lib

applicable if count(lib.slos) > 0

watched contains name if {
	some alert in lib.alerts
	name := object.get(alert, "slo", "")
	name != ""
}

deny contains lib.finding(msg, path) if {
	some i, slo in lib.slos
	not object.get(slo, "name", "") in watched
	msg := sprintf("no alert in observability.alerts watches slo %q", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d]", [i])
}
