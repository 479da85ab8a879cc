# METADATA
# title: The alerting pipeline is itself watched from outside
# description: |-
#   Every alert the design lists depends on a monitoring stack that can
#   fail: a full disk, an expired credential, a broken route to the pager.
#   When it fails, nothing pages, and silence looks exactly like health. A
#   heartbeat alert that always fires, checked by a system outside the
#   monitoring stack, turns a silent pipeline into a page.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_monitor_aws_resources_notification_monitor.html
#     description: REL06-BP03 Send notifications (Real-time processing and alarming)
#   - ref: https://sre.google/sre-book/launch-checklist/
#     description: Google SRE book, Launch Coordination Checklist (monitoring the monitoring)
# custom:
#   id: PR471
#   severity: medium
#   tier_severity: [medium, medium, low, low]
#   level: proactive
#   check: presence
#   best_practices: [REL06-BP03]
#   frameworks:
#     production-readiness: observability
#     well-architected: reliability
#   remediation: |-
#     Add an always-firing heartbeat alert and have a service outside the
#     monitoring stack (a dead man's switch) page when it stops arriving; set
#     `observability.alerting_heartbeat: true`.
#   applicability: Services of tier 0 to 2 with at least one alert that pages.
#   example: |-
#     observability:
#       alerting_heartbeat: true
#       alerts:
#         - name: availability-burn
#           severity: page
package archvet.rules.production_readiness.obs_meta_monitoring

import rego.v1

import data.archvet.lib

applicable if {
	lib.tier <= 2
	some alert in lib.alerts
	alert.severity == "page"
}

heartbeat := object.get(input, ["observability", "alerting_heartbeat"], null)

deny contains lib.finding(msg, "observability.alerting_heartbeat") if {
	applicable
	heartbeat == false
	msg := "nothing watches the alerting pipeline, so if it fails every page is silently lost"
}

unanswered contains lib.finding(msg, "observability.alerting_heartbeat") if {
	applicable
	heartbeat == null
	msg := "the design does not say whether the alerting pipeline is watched from outside (a heartbeat or dead man's switch)"
}
