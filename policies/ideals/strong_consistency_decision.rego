# METADATA
# title: Strong consistency across services is a recorded decision
# description: |-
#   Two-phase commit, distributed locks and strongly consistent reads that
#   span services make every participant's availability a precondition for
#   every request: the slowest or least available service sets the pace for
#   all of them, and a partition stops work everywhere. Sometimes an
#   invariant is worth that price, but it should be paid on purpose. A
#   decision record names the invariant, the alternatives weighed (a saga,
#   moving the boundary) and what happens when a participant is down.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, availability over consistency
#   - ref: https://microservices.io/patterns/data/saga.html
#     description: The saga pattern, an alternative to distributed transactions
# custom:
#   id: ID010
#   severity: medium
#   level: proactive
#   check: reasoning
#   frameworks:
#     ideals: availability-over-consistency
#   remediation: |-
#     Write a decision (topic `consistency`) explaining which invariant needs
#     cross-service strong consistency and why a saga or a different service
#     boundary will not do, add it to `decisions`, and point
#     `consistency.decision` at its id.
#   applicability: |-
#     The service keeps work consistent across services with two-phase commit
#     or a distributed lock, or declares a strong consistency model while it
#     depends on other services.
#   example: |-
#     dependencies:
#       - name: ledger
#     consistency:
#       model: strong
#       cap: CP
#       cross_service_transactions: two-phase-commit
#       decision: ADR-0007
#     decisions:
#       - id: ADR-0007
#         title: Ledger and wallet commit together
#         topic: consistency
#         status: accepted
#   decision:
#     topic: consistency
#     question: How should work that spans this service and its dependencies stay consistent?
#     drivers:
#       - the invariant that must hold across services
#       - availability target of the service and of each participant
#       - tolerance for temporarily inconsistent, compensated states
#     options:
#       - name: saga with compensating actions
#         pros:
#           - each service commits locally and stays available
#           - failures are handled explicitly by compensation
#         cons:
#           - intermediate states are visible
#           - compensations must be designed and tested
#       - name: two-phase commit or distributed lock
#         pros:
#           - all participants agree before anyone commits
#         cons:
#           - every participant must be up for any work to finish
#           - a stuck coordinator or lock holder blocks everyone
#       - name: move the boundary so one service owns the invariant
#         pros:
#           - a local transaction enforces the invariant
#         cons:
#           - a larger service, or data moved between teams
package archvet.rules.ideals.strong_consistency_decision

import rego.v1

import data.archvet.lib

consistency := object.get(input, "consistency", {})

decision_ids contains d.id if some d in lib.decisions

needs_decision if object.get(consistency, "cross_service_transactions", "") in {"two-phase-commit", "distributed-lock"}

needs_decision if {
	object.get(consistency, "model", "") == "strong"
	count(lib.dependencies) > 0
}

applicable if needs_decision

deny contains lib.finding(msg, path) if {
	needs_decision
	object.get(consistency, "decision", "") == ""
	msg := "strong consistency across services is not backed by a recorded decision"
	path := "consistency.decision"
}

deny contains lib.finding(msg, path) if {
	needs_decision
	id := object.get(consistency, "decision", "")
	id != ""
	not id in decision_ids
	msg := sprintf("consistency decision %q is not in decisions", [id])
	path := "consistency.decision"
}

deny contains lib.finding(msg, path) if {
	needs_decision
	some k, d in lib.decisions
	d.id == object.get(consistency, "decision", "")
	status := object.get(d, "status", "")
	status in {"rejected", "deprecated", "superseded"}
	msg := sprintf("consistency decision %q is %s, so the current choice is not backed by it", [d.id, status])
	path := sprintf("decisions[%d].status", [k])
}
