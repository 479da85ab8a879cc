# METADATA
# title: The service pages on at least one user-facing symptom
# description: |-
#   Someone must be woken when users are hurt, whatever the cause. Alerts on
#   symptoms (error rate, latency, SLO burn, failed probes) catch failures
#   nobody anticipated, while a design that lists no alerts at all, or only
#   tickets and dashboards, relies on customers to report outages. At least
#   one paging alert has to watch what users actually experience.
# related_resources:
#   - ref: https://sre.google/sre-book/monitoring-distributed-systems/
#     description: Google SRE book, Monitoring Distributed Systems (symptoms versus causes)
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_workload_observability_create_alerts.html
#     description: OPS08-BP04 Create actionable alerts
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_monitor_aws_resources_notification_monitor.html
#     description: REL06-BP03 Send notifications (Real-time processing and alarming)
# custom:
#   id: PR420
#   best_practices: [OPS08-BP04]
#   severity: high
#   check: presence
#   level: reactive
#   frameworks:
#     production-readiness: observability
#     well-architected: operational-excellence
#   remediation: |-
#     Add an alert on a user-visible symptom, preferably the fast burn of the
#     availability SLO, with `based_on: symptom` and `severity: page`, routed
#     to the on-call rotation.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     observability:
#       alerts:
#         - name: checkout-availability-fast-burn
#           based_on: symptom
#           severity: page
#           slo: checkout-availability
#           runbook: runbooks/checkout-availability.md
package archvet.rules.production_readiness.obs_symptom_paging

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

symptom_pages contains i if {
	some i, alert in lib.alerts
	alert.based_on == "symptom"
	alert.severity == "page"
}

unanswered contains lib.finding(msg, "observability.alerts") if {
	count(lib.alerts) == 0
	msg := "the design declares no alerts, so outages are found by users"
}

deny contains lib.finding(msg, "observability.alerts") if {
	count(lib.alerts) > 0
	count(symptom_pages) == 0
	msg := "no alert pages on a user-facing symptom; only causes or low-urgency alerts are declared"
}
