# METADATA
# title: The time-to-detect target lets the team find incidents before customers do
# description: |-
#   Every minute between the start of an incident and the first alert is a
#   minute of impact with nobody working on it, and if detection is slower
#   than customers, the first signal is a support ticket or a social-media
#   post. The target must be stated so that alert windows and probe
#   intervals can be designed to meet it: at most 5 minutes for tier 0, 10
#   for tier 1 and 30 for tier 2.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_monitor_aws_resources_notification_monitor.html
#     description: REL06-BP03 Send notifications (Real-time processing and alarming)
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_workload_observability_create_alerts.html
#     description: OPS08-BP04 Create actionable alerts
#   - ref: https://sre.google/workbook/alerting-on-slos/
#     description: Google SRE workbook, Alerting on SLOs (detection time as an alerting attribute)
# custom:
#   id: PR435
#   best_practices: [REL06-BP03]
#   severity: medium
#   check: threshold
#   level: proactive
#   params:
#     max_time_to_detect_minutes:
#       description: longest time from the start of an incident to the first alert, in minutes
#       tiers: [5, 10, 30, 60]
#   frameworks:
#     production-readiness: incident-response
#     well-architected: reliability
#   remediation: |-
#     Set `operations.time_to_detect_minutes` to no more than the tier's
#     limit (5 for tier 0, 10 for tier 1, 30 for tier 2) and size alert
#     evaluation windows, burn-rate windows and synthetic probe intervals so
#     that the target is actually met.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     operations:
#       time_to_detect_minutes: 5
package archvet.rules.production_readiness.incident_time_to_detect

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if lib.tier <= 2

target := object.get(input, ["operations", "time_to_detect_minutes"], null)

unanswered contains lib.finding(msg, "operations.time_to_detect_minutes") if {
	target == null
	msg := "the design sets no time-to-detect target"
}

deny contains lib.finding(msg, "operations.time_to_detect_minutes") if {
	applicable
	is_number(target)
	target > params.max_time_to_detect_minutes
	msg := sprintf(
		"time to detect is %v minutes; a tier %d service should alert within %v minutes, before customers report the incident",
		[target, lib.tier, params.max_time_to_detect_minutes],
	)
}
