# METADATA
# title: Projections give the same result when an event is applied twice
# description: |-
#   Projections see the same event more than once: after a consumer restart,
#   during a rebuild that overlaps live traffic, or when the broker
#   redelivers. A projection that increments a counter or appends a row on
#   every delivery drifts away from the log a little more each time, and the
#   error is invisible until someone reconciles the numbers. Tracking the
#   last applied position, or writing idempotent upserts, keeps every read
#   model a faithful function of the log.
# related_resources:
#   - ref: https://martinfowler.com/eaaDev/EventSourcing.html
#     description: Event sourcing
#   - ref: https://microservices.io/patterns/communication-style/idempotent-consumer.html
#     description: The idempotent consumer pattern
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
# custom:
#   id: PR119
#   severity: medium
#   level: strategic
#   check: presence
#   frameworks:
#     production-readiness: messaging
#     ideals: event-driven
#   remediation: |-
#     Store the position (event id or sequence number) each projection has
#     applied, in the same transaction as the update, and skip events at or
#     before it; or write projections as idempotent upserts. Then set
#     `events.idempotent_projections: true`.
#   applicability: The service uses event sourcing or CQRS.
#   example: |-
#     events:
#       cqrs: true
#       read_models_rebuildable: true
#       idempotent_projections: true
package archvet.rules.production_readiness.events_idempotent_projections

import rego.v1

import data.archvet.lib

events := object.get(input, "events", {})

applicable if object.get(events, "event_sourcing", false) == true

applicable if object.get(events, "cqrs", false) == true

deny contains lib.finding(msg, path) if {
	applicable
	events.idempotent_projections == false
	msg := "the projections may apply a redelivered event twice"
	path := "events.idempotent_projections"
}

unanswered contains lib.finding(msg, "events.idempotent_projections") if {
	applicable
	not is_boolean(object.get(events, "idempotent_projections", null))
	msg := "the design does not say whether the projections are safe against a redelivered event"
}
