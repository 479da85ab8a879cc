# METADATA
# title: A data store the team runs itself is an accepted, recorded decision
# description: |-
#   Running a database, broker or search cluster yourself means taking on
#   the work a provider or platform team otherwise does for every store:
#   patching and major-version upgrades, failover that has to work at
#   night, backups and their restores, disk and connection capacity, and
#   the expertise to debug the engine under load. For a tier 0 or 1
#   service that work lands on the same on-call rotation that answers for
#   the service, and it is rarely sized when the store is chosen. Running
#   a store yourself can be right (no managed offering, a licence, data
#   that may not leave the organisation's hardware), but it is a trade-off
#   to be made on purpose: an accepted decision must name the store and
#   say why a managed one will not do. Not saying who runs a store leaves
#   that trade-off an open question.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_priorities_eval_tradeoffs.html
#     description: OPS01-BP06 Evaluate tradeoffs while managing benefits and risks
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_hardware_a4.html
#     description: SUS05-BP03 Use managed services
#   - ref: https://adr.github.io/
#     description: Architectural Decision Records (ADR), the practice and its templates
# custom:
#   id: PR334
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [OPS01-BP06, SUS05-BP03]
#   frameworks:
#     production-readiness: resilience
#     well-architected: operational-excellence
#   remediation: |-
#     Prefer the provider's or the platform team's managed offering and set
#     `managed: true` on the store. If the team must run the store itself,
#     record an accepted decision whose title, context or decision names the
#     store, says why no managed offering fits, and who patches, upgrades,
#     fails over and restores it; set `managed: false` on the store.
#   applicability: Services of tier 0 and 1 with at least one data store that holds the only copy of its data (not a cache, replica or read model).
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         engine: PostgreSQL
#         managed: true
package archvet.rules.production_readiness.data_self_run_store

import rego.v1

import data.archvet.lib

applicable if {
	lib.critical
	count(lib.durable_stores) > 0
}

# The text of every accepted decision, lower-cased once for the whole
# rule: a self-run store is explained when one of them names it. A
# proposed or status-less decision has not been agreed yet.
accepted_texts contains text if {
	some d in lib.decisions
	d.status == "accepted"
	text := lower(concat(" ", [object.get(d, "title", ""), object.get(d, "context", ""), object.get(d, "decision", "")]))
}

self_run contains [i, store] if {
	some [i, store] in lib.durable_stores
	store.managed == false
}

explained(store) if {
	name := lower(store.name)
	some text in accepted_texts
	contains(text, name)
}

# name is required by the format; under plain OPA a nameless store is
# still reported, by its position.
label(i, store) := object.get(store, "name", sprintf("#%d", [i]))

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, store] in lib.durable_stores
	object.get(store, "managed", null) == null
	msg := sprintf(
		"the design does not say who runs data store %q: a provider, a platform team or this team",
		[label(i, store)],
	)
	path := sprintf("data_stores[%d].managed", [i])
}

deny contains lib.finding(msg, path) if {
	applicable
	some [i, store] in self_run
	not explained(store)
	msg := sprintf(
		"data store %q is run by the team itself, and no accepted decision names it to say %s",
		[label(i, store), "why a managed store will not do, or who patches, fails over and restores it"],
	)
	path := sprintf("data_stores[%d].managed", [i])
}
