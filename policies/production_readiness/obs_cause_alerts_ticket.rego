# METADATA
# title: Paging alerts watch symptoms; causes open tickets
# description: |-
#   A page interrupts someone's night, so it should fire only when users are
#   affected or about to be. Cause-based alerts (high CPU, a full disk, one
#   replica down) fire often without any user impact, train responders to
#   ignore pages, and still miss failures whose cause nobody predicted. Such
#   conditions belong in tickets or dashboards, while paging is reserved for
#   symptoms. An alert whose basis is unstated cannot be judged either way.
# related_resources:
#   - ref: https://sre.google/sre-book/monitoring-distributed-systems/
#     description: Google SRE book, Monitoring Distributed Systems (symptoms versus causes)
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_workload_observability_create_alerts.html
#     description: OPS08-BP04 Create actionable alerts
# custom:
#   id: PR421
#   best_practices: [OPS08-BP04]
#   severity: medium
#   check: threshold
#   level: proactive
#   frameworks:
#     production-readiness: observability
#     well-architected: operational-excellence
#   remediation: |-
#     Change cause-based alerts to `severity: ticket` (or `info`), and make
#     sure a symptom alert, such as an SLO burn-rate alert, pages for the
#     user impact the cause could lead to. State `based_on` for every paging
#     alert.
#   applicability: Services that declare at least one alert.
#   example: |-
#     observability:
#       alerts:
#         - name: checkout-availability-fast-burn
#           based_on: symptom
#           severity: page
#         - name: db-disk-80-percent
#           based_on: cause
#           severity: ticket
package archvet.rules.production_readiness.obs_cause_alerts_ticket

import rego.v1

import data.archvet.lib

applicable if count(lib.alerts) > 0

deny contains lib.finding(msg, path) if {
	some i, alert in lib.alerts
	alert.based_on == "cause"
	alert.severity == "page"
	msg := sprintf("cause-based alert %q pages; page on symptoms and ticket on causes", [object.get(alert, "name", "unnamed")])
	path := sprintf("observability.alerts[%d].severity", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, alert in lib.alerts
	alert.severity == "page"
	object.get(alert, "based_on", "") == ""
	msg := sprintf("the design does not say whether paging alert %q watches a symptom or a cause", [object.get(alert, "name", "unnamed")])
	path := sprintf("observability.alerts[%d].based_on", [i])
}
