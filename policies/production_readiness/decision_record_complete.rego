# METADATA
# title: Accepted decisions record their context, the options weighed and the consequences
# description: |-
#   An architecture decision is worth recording for the reasons behind it:
#   the forces at play, the alternatives that lost, and what the team agreed
#   to live with. A record that states only the outcome cannot be revisited
#   when the forces change, and a decision with a single option considered
#   was not weighed at all. Reviewers and successors read the context and
#   consequences to know whether the decision still holds.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_priorities_eval_tradeoffs.html
#     description: OPS01-BP06 Evaluate tradeoffs while managing benefits and risks
#   - ref: https://cognitect.com/blog/2011/11/15/documenting-architecture-decisions
#     description: Michael Nygard, Documenting Architecture Decisions
# custom:
#   id: PR472
#   severity: low
#   level: strategic
#   check: threshold
#   best_practices: [OPS01-BP06]
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#   params:
#     min_options_count:
#       description: fewest options an accepted decision must have weighed
#       value: 2
#   remediation: |-
#     For each accepted decision, record `context` (the forces at play),
#     `options` (at least two alternatives considered) and `consequences`
#     (what follows, good and bad).
#   applicability: The design records an accepted decision.
#   example: |-
#     decisions:
#       - id: ADR-0003
#         title: PostgreSQL for orders
#         status: accepted
#         context: Orders need transactions and point-in-time recovery.
#         options: [managed PostgreSQL, a document store]
#         decision: Use managed PostgreSQL.
#         consequences: Schema changes need expand-contract migrations.
package archvet.rules.production_readiness.decision_record_complete

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

accepted contains [i, d] if {
	some i, d in lib.decisions
	d.status == "accepted"
}

applicable if count(accepted) > 0

deny contains lib.finding(msg, sprintf("decisions[%d].options", [i])) if {
	some [i, d] in accepted
	is_array(d.options)
	count(d.options) < params.min_options_count
	msg := sprintf("decision %s weighed %d option(s); at least %v alternatives show it was a choice", [d.id, count(d.options), params.min_options_count])
}

unanswered contains lib.finding(msg, sprintf("decisions[%d].%s", [i, field])) if {
	some [i, d] in accepted
	some field in ["context", "options", "consequences"]
	object.get(d, field, null) == null
	msg := sprintf("the design does not record the %s of decision %s", [field, object.get(d, "id", "unnamed")])
}

unstated contains i if {
	some i, d in lib.decisions
	object.get(d, "status", null) == null
}

applicable if count(unstated) > 0

unanswered contains lib.finding(msg, sprintf("decisions[%d].status", [i])) if {
	some i in unstated
	msg := sprintf("the design does not say the status of decision %s", [object.get(lib.decisions[i], "id", "unnamed")])
}
