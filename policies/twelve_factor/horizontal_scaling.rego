# METADATA
# title: The service scales out by adding processes
# description: |-
#   A service that can only grow by getting a bigger machine hits a ceiling,
#   and its one instance is a single point of failure. Scaling by running
#   more processes of the same kind raises capacity in small, cheap steps and
#   tolerates losing any one of them. Designs that claim horizontal scaling
#   must also leave room for it: a replica cap of one, or a cap below the
#   floor, quietly rules it out. (How identifiers are generated is PR320's.)
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_compute_hardware_scale_compute_resources_dynamically.html
#     description: PERF02-BP05 Scale your compute resources dynamically
#   - ref: https://12factor.net/concurrency
#     description: Twelve-Factor App, VIII. Concurrency
# custom:
#   id: TF018
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [PERF02-BP05]
#   params:
#     min_max_replicas_count:
#       description: lowest replica cap that still lets the service scale out
#       value: 2
#   frameworks:
#     twelve-factor: concurrency
#     well-architected: performance-efficiency
#     production-readiness: capacity
#   remediation: |-
#     Make the processes stateless, run several of them behind a load balancer
#     or on a shared queue, and set `processes.scaling.horizontal: true` with
#     a `max_replicas` above one and at least `min_replicas`.
#   applicability: Every service.
#   example: |-
#     processes:
#       scaling:
#         horizontal: true
#         min_replicas: 2
#         max_replicas: 10
package archvet.rules.twelve_factor.horizontal_scaling

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

scaling := object.get(input, ["processes", "scaling"], {})

deny contains lib.finding(msg, "processes.scaling.horizontal") if {
	object.get(scaling, "horizontal", null) == false
	msg := "the service scales only by growing one process"
}

deny contains lib.finding(msg, "processes.scaling.max_replicas") if {
	scaling.horizontal == true
	scaling.max_replicas < params.min_max_replicas_count
	msg := sprintf("horizontal scaling is declared but max_replicas is %d", [scaling.max_replicas])
}

deny contains lib.finding(msg, "processes.scaling.max_replicas") if {
	scaling.max_replicas >= params.min_max_replicas_count
	scaling.max_replicas < scaling.min_replicas
	msg := sprintf("max_replicas (%d) is below min_replicas (%d)", [scaling.max_replicas, scaling.min_replicas])
}

unanswered contains lib.finding(msg, "processes.scaling.horizontal") if {
	object.get(scaling, "horizontal", null) == null
	msg := "the design does not say whether the service scales out by adding processes"
}

unanswered contains lib.finding(msg, "processes.scaling.max_replicas") if {
	scaling.horizontal == true
	object.get(scaling, "max_replicas", null) == null
	msg := "the design does not say how many processes the service may scale out to"
}
