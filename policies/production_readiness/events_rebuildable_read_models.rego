# METADATA
# title: Read models can be rebuilt by replaying the event log
# description: |-
#   With event sourcing or CQRS, the read models are derived data: caches of
#   the log shaped for queries. That is only a strength if they can be
#   thrown away and rebuilt. When a projection bug corrupts a view, a new
#   query needs a new shape, or a store is lost, a replay from the log is the
#   recovery path; without it, the team is left patching derived data by
#   hand and the log stops being the source of truth.
# related_resources:
#   - ref: https://martinfowler.com/eaaDev/EventSourcing.html
#     description: Event sourcing
#   - ref: https://martinfowler.com/bliki/CQRS.html
#     description: Command query responsibility segregation
#   - ref: https://sre.google/workbook/data-processing/
#     description: Google SRE workbook, Data Processing Pipelines
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
# custom:
#   id: PR118
#   severity: medium
#   level: strategic
#   check: presence
#   frameworks:
#     production-readiness: messaging
#     ideals: event-driven
#   remediation: |-
#     Keep the full event log (or snapshots plus the log since), make every
#     projection able to start from an empty store and catch up, rehearse a
#     rebuild, and set `events.read_models_rebuildable: true`.
#   applicability: The service uses event sourcing or CQRS.
#   example: |-
#     events:
#       event_sourcing: true
#       cqrs: true
#       read_models_rebuildable: true
#       idempotent_projections: true
package archvet.rules.production_readiness.events_rebuildable_read_models

import rego.v1

import data.archvet.lib

events := object.get(input, "events", {})

applicable if object.get(events, "event_sourcing", false) == true

applicable if object.get(events, "cqrs", false) == true

deny contains lib.finding(msg, path) if {
	applicable
	events.read_models_rebuildable == false
	msg := "the read models cannot be rebuilt by replaying the event log"
	path := "events.read_models_rebuildable"
}

unanswered contains lib.finding(msg, "events.read_models_rebuildable") if {
	applicable
	not is_boolean(object.get(events, "read_models_rebuildable", null))
	msg := "the design does not say whether the read models can be rebuilt by replaying the event log"
}
