# METADATA
# title: The consistency model and its trade-off are declared
# description: |-
#   Every service that keeps data or talks to other services over a network
#   chooses, deliberately or by accident, what happens when the network
#   splits: keep answering with possibly stale data, or refuse until the
#   parts agree again. Left implicit, the choice is made by whichever
#   database default or client library was picked first, and nobody can tell
#   whether the behaviour during a partition is a bug or the design. Naming
#   the model, the CAP side and the business reason makes the trade-off
#   reviewable.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, availability over consistency
#   - ref: https://sre.google/sre-book/managing-critical-state/
#     description: Google SRE book, Managing Critical State
# custom:
#   id: ID009
#   severity: medium
#   level: proactive
#   check: reasoning
#   frameworks:
#     ideals: availability-over-consistency
#   remediation: |-
#     Fill in `consistency.model`, `consistency.cap` and
#     `consistency.rationale`, and record the choice as a decision with topic
#     `consistency`. Prefer availability with eventual consistency unless the
#     business truly cannot tolerate stale reads.
#   applicability: Services of tier 0 to 2 that hold data, call other services or exchange events.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#     consistency:
#       model: eventual
#       cap: AP
#       rationale: a briefly stale order history costs less than a checkout that refuses orders
#   decision:
#     topic: consistency
#     question: Under a network partition, should the service keep answering or refuse until its data agrees?
#     drivers:
#       - cost of a refused request versus the cost of a stale or conflicting answer
#       - invariants that must never be broken (money, stock, identity)
#       - latency budget and number of regions
#     options:
#       - name: AP with eventual consistency
#         pros:
#           - stays available during partitions and regional failures
#           - low latency; no cross-node coordination on the write path
#         cons:
#           - readers may see stale data
#           - conflicting writes need reconciliation
#       - name: CP with strong consistency
#         pros:
#           - every read sees the latest write
#           - invariants are easy to enforce
#         cons:
#           - requests fail or block while a partition lasts
#           - higher write latency, harder to run in several regions
#       - name: mixed per data set
#         pros:
#           - strong consistency only where an invariant needs it, availability elsewhere
#         cons:
#           - two models to explain, test and operate
#           - the boundary between data sets must be kept clear
package archvet.rules.ideals.consistency_model_declared

import rego.v1

import data.archvet.lib

consistency := object.get(input, "consistency", {})

has_state_or_peers if count(lib.data_stores) > 0

has_state_or_peers if count(lib.dependencies) > 0

has_state_or_peers if count(lib.publishes) + count(lib.consumes) > 0

applicable if {
	lib.tier <= 2
	has_state_or_peers
}

unanswered contains lib.finding(msg, path) if {
	some field, what in {
		"model": "which consistency model the service offers",
		"cap": "whether availability or consistency wins under a partition",
		"rationale": "why its consistency trade-off fits the business",
	}
	object.get(consistency, field, "") == ""
	msg := sprintf("the design does not say %s", [what])
	path := sprintf("consistency.%s", [field])
}

deny contains lib.finding(msg, path) if {
	consistency.model == "strong"
	consistency.cap == "AP"
	msg := "the design claims strong consistency and availability under partition, which cannot both hold"
	path := "consistency.cap"
}

# PACELC restates the partition choice (PA or PC) and adds the latency
# trade-off of normal operation (EL or EC): the two must agree with cap and
# with the model.
deny contains lib.finding(msg, "consistency.pacelc") if {
	cap := object.get(consistency, "cap", "")
	cap in {"AP", "CP"}
	pacelc := object.get(consistency, "pacelc", "")
	pacelc != ""
	substring(pacelc, 1, 1) != substring(cap, 0, 1)
	msg := sprintf("pacelc %s says the service chooses %s under a partition, but cap says %s", [pacelc, substring(pacelc, 0, 2), cap])
}

deny contains lib.finding(msg, "consistency.pacelc") if {
	object.get(consistency, "model", "") == "strong"
	pacelc := object.get(consistency, "pacelc", "")
	endswith(pacelc, "/EL")
	msg := sprintf("pacelc %s trades consistency for latency in normal operation, which a strong model does not allow", [pacelc])
}
