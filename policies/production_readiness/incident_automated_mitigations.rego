# METADATA
# title: A tier-0 service declares mitigations it applies by itself
# description: |-
#   For the most critical services even a fast human response is too slow:
#   paging, waking, logging in and diagnosing take many minutes of full
#   impact. Mitigations the system triggers on its own (rolling back a bad
#   release, shedding load, failing over, switching off a misbehaving
#   feature) bound the damage while people investigate. Listing them makes
#   them part of the design, so they can be reviewed and exercised before
#   they are needed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_event_response_auto_event_response.html
#     description: OPS10-BP07 Automate responses to events
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_monitor_aws_resources_automate_response_monitor.html
#     description: REL06-BP04 Automate responses (Real-time processing and alarming)
#   - ref: https://sre.google/sre-book/emergency-response/
#     description: Google SRE book, Emergency Response
# custom:
#   id: PR438
#   best_practices: [OPS10-BP07]
#   severity: medium
#   check: presence
#   level: strategic
#   frameworks:
#     production-readiness: incident-response
#     well-architected: operational-excellence
#   remediation: |-
#     Implement automatic responses to the most likely failure modes (for
#     example automatic rollback on SLO burn, load shedding on saturation,
#     failover on zone loss), list them in `operations.automated_mitigations`,
#     and practise them in game days.
#   applicability: Tier 0 services.
#   example: |-
#     operations:
#       automated_mitigations:
#         - roll back a release when the canary burns error budget
#         - shed low-priority traffic when saturation passes 90%
package archvet.rules.production_readiness.incident_automated_mitigations

import rego.v1

import data.archvet.lib

applicable if lib.tier == 0

deny contains lib.finding(msg, "operations.automated_mitigations") if {
	applicable
	input.operations.automated_mitigations == []
	msg := "the design says the service has no automated mitigations; every tier 0 incident waits for a human"
}

unanswered contains lib.finding("the design does not say which mitigations the system applies by itself", "operations.automated_mitigations") if {
	applicable
	not is_array(object.get(input, ["operations", "automated_mitigations"], null))
}
