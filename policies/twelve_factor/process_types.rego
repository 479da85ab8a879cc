# METADATA
# title: The workload is split into declared process types
# description: |-
#   Different kinds of work have different load shapes: request handling
#   scales with traffic, background jobs with queue depth, schedulers not at
#   all. Naming the process types (web, worker, clock ...) lets each run and
#   scale on its own signal, and keeps a burst of background work from
#   starving user requests. A service that both serves an API and consumes
#   events in one process type ties those two loads together.
# related_resources:
#   - ref: https://12factor.net/concurrency
#     description: Twelve-Factor App, VIII. Concurrency
# custom:
#   id: TF019
#   severity: low
#   level: proactive
#   check: reasoning
#   frameworks:
#     twelve-factor: concurrency
#   remediation: |-
#     List the process types in `processes.process_types`. When the service
#     both serves requests and consumes events, run the consumers as a
#     separate worker type from the same codebase and scale it on queue depth
#     or lag.
#   applicability: Every service.
#   example: |-
#     apis:
#       - name: orders
#     events:
#       consumes:
#         - name: payment-captured
#     processes:
#       process_types: [web, worker]
package archvet.rules.twelve_factor.process_types

import rego.v1

import data.archvet.lib

types := object.get(input, ["processes", "process_types"], [])

unanswered contains lib.finding(msg, "processes.process_types") if {
	count(types) == 0
	msg := "the design does not name the service's process types"
}

deny contains lib.finding(msg, "processes.process_types") if {
	count(types) == 1
	count(lib.apis) > 0
	count(lib.consumes) > 0
	msg := sprintf("request handling and event consumption share the single process type %q; split web and worker", [types[0]])
}
