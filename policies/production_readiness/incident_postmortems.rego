# METADATA
# title: Incidents get blameless post-mortems whose actions are tracked to completion
# description: |-
#   An incident is expensive tuition; the post-mortem is how the lesson is
#   kept. If the review looks for a person to blame, people hide mistakes
#   and the real contributing factors stay unknown. If its action items live
#   only in a document, they are forgotten when the next sprint starts, and
#   the same failure returns. Both halves are needed: honest analysis and
#   follow-through.
# related_resources:
#   - ref: https://sre.google/sre-book/postmortem-culture/
#     description: Google SRE book, Postmortem Culture (learning from failure)
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_evolve_ops_perform_rca_process.html
#     description: OPS11-BP02 Perform post-incident analysis
# custom:
#   id: PR436
#   best_practices: [OPS11-BP02]
#   severity: medium
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: incident-response
#     well-architected: operational-excellence
#   remediation: |-
#     Hold a blameless post-mortem for every significant incident, focused on
#     systems and conditions rather than people, file each action item in the
#     team's tracker with an owner and due date, and review open items
#     regularly. Set `blameless` and `action_items_tracked` to true.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     operations:
#       postmortems:
#         blameless: true
#         action_items_tracked: true
package archvet.rules.production_readiness.incident_postmortems

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

postmortems := object.get(input, ["operations", "postmortems"], {})

unanswered contains lib.finding(msg, "operations.postmortems.blameless") if {
	object.get(postmortems, "blameless", null) == null
	msg := "the design does not say whether post-mortems are blameless"
}

unanswered contains lib.finding(msg, "operations.postmortems.action_items_tracked") if {
	object.get(postmortems, "action_items_tracked", null) == null
	msg := "the design does not say whether post-mortem action items are tracked to completion"
}

deny contains lib.finding(msg, "operations.postmortems.blameless") if {
	postmortems.blameless == false
	msg := "post-mortems are not blameless, which discourages people from reporting what really happened"
}

deny contains lib.finding(msg, "operations.postmortems.action_items_tracked") if {
	postmortems.action_items_tracked == false
	msg := "post-mortem action items are not tracked, so fixes are forgotten and failures repeat"
}
