# METADATA
# title: Every SLO is alerted on by error-budget burn rate
# description: |-
#   Alerting on raw thresholds either pages for blips that cost nothing or
#   stays quiet during a slow leak that eats the month's budget. Burn-rate
#   alerts measure how fast the error budget is being consumed: a fast-burn
#   alert pages within minutes of a serious outage, and a slow-burn alert
#   opens a ticket before a steady degradation exhausts the budget. They tie
#   paging directly to what the SLO says users care about.
# related_resources:
#   - ref: https://sre.google/workbook/alerting-on-slos/
#     description: Google SRE workbook, Alerting on SLOs (multiwindow, multi-burn-rate alerts)
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_workload_observability_create_alerts.html
#     description: OPS08-BP04 Create actionable alerts
# custom:
#   id: PR405
#   severity: high
#   level: proactive
#   check: presence
#   frameworks:
#     production-readiness: slos
#     well-architected: operational-excellence
#   remediation: |-
#     For every SLO, create a fast-burn alert (for example 2% of a 30-day
#     budget in one hour) that pages, and a slow-burn alert (for example 10%
#     in three days) that opens a ticket. Set `burn_rate_alerts: true` and
#     list the alerts under `observability.alerts` with `slo` naming the SLO.
#     Whether the listed alerts really watch the SLO is PR407's question; this
#     rule asks only whether burn-rate alerting exists.
#   applicability: Services that declare at least one SLO.
#   example: |-
#     slos:
#       - name: checkout-availability
#         sli: availability
#         objective_percent: 99.95
#         burn_rate_alerts: true
package archvet.rules.production_readiness.slo_burn_rate_alerts

import rego.v1

import data.archvet.lib

applicable if count(lib.slos) > 0

unanswered contains lib.finding(msg, path) if {
	some i, slo in lib.slos
	object.get(slo, "burn_rate_alerts", null) == null
	msg := sprintf("the design does not say whether slo %q has burn-rate alerts", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d].burn_rate_alerts", [i])
}

deny contains lib.finding(msg, path) if {
	some i, slo in lib.slos
	slo.burn_rate_alerts == false
	msg := sprintf("slo %q has no burn-rate alerts, so budget loss is noticed late or not at all", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d].burn_rate_alerts", [i])
}
