# METADATA
# title: Decisions are looked at again when their revisit date comes
# description: |-
#   An architecture decision is taken under the load, the team, the prices
#   and the products of its day. A revisit date is the team's own promise to
#   check whether those forces still hold; once it has passed unnoticed, the
#   decision keeps steering new work on assumptions nobody has looked at
#   since, and the record loses its value as a guide. Reviewing a decision
#   on time is cheap: confirm it and set the next date, or supersede it
#   before the design drifts further from what the record says.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_evolve_ops_process_cont_imp.html
#     description: OPS11-BP01 Have a process for continuous improvement
#   - ref: https://adr.github.io/
#     description: Architectural Decision Records (ADR), the practice and its templates
# custom:
#   id: PR460
#   best_practices: [OPS11-BP01]
#   severity: low
#   check: threshold
#   level: proactive
#   params:
#     max_days_overdue:
#       description: whole days a revisit date may have passed before the decision is reported
#       value: 0
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#   remediation: |-
#     Review each overdue decision with the people who own it. If it still
#     holds, say so in its ADR and move `revisit` to the next review date;
#     if it no longer does, record the new decision and set the old one's
#     status to `superseded`.
#   applicability: |-
#     At least one decision that is still in force (proposed, accepted, or
#     without a status) has a revisit date.
#   example: |-
#     decisions:
#       - id: ADR-0004
#         title: Warm standby in a second region
#         status: accepted
#         date: 2026-01-20
#         revisit: 2027-01-20
package archvet.rules.production_readiness.decision_revisit_due

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

ns_per_day := ((24 * 60) * 60) * 1000000000

# Decisions no longer in force have nothing left to revisit.
closed := {"rejected", "deprecated", "superseded"}

# Decisions in force with a readable revisit date, with that date in ns.
scheduled contains [i, decision, due] if {
	some i, decision in lib.decisions
	not object.get(decision, "status", "") in closed
	date := object.get(decision, "revisit", "")
	regex.match(`^\d{4}-\d{2}-\d{2}$`, date)
	due := time.parse_ns("2006-01-02", date)
}

applicable if count(scheduled) > 0

ago(1) := "1 day ago"

ago(n) := sprintf("%d days ago", [n]) if n != 1

# A decision is overdue once its whole revisit day, and the grace the
# organisation allows after it, have gone by.
deny contains lib.finding(msg, path) if {
	some [i, decision, due] in scheduled
	days := floor((time.now_ns() - due) / ns_per_day)
	days > params.max_days_overdue
	msg := sprintf(
		"decision %s (%q) was due to be revisited on %s, %s",
		[object.get(decision, "id", sprintf("#%d", [i])), object.get(decision, "title", ""), decision.revisit, ago(days)],
	)
	path := sprintf("decisions[%d].revisit", [i])
}
