# METADATA
# title: The service scales out by adding processes
# description: |-
#   A service that can only grow by getting a bigger machine hits a ceiling,
#   and its one instance is a single point of failure. Scaling by running
#   more processes of the same kind raises capacity in small, cheap steps and
#   tolerates losing any one of them. Designs that claim horizontal scaling
#   must also leave room for it: a replica cap of one, or a single counter
#   handing out identifiers, quietly rules it out.
# related_resources:
#   - ref: https://12factor.net/concurrency
#     description: Twelve-Factor App, VIII. Concurrency
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_compute_hardware_scale_compute_resources_dynamically.html
#     description: PERF02-BP05 Scale your compute resources dynamically
# custom:
#   id: TF018
#   severity: medium
#   level: proactive
#   frameworks:
#     twelve-factor: concurrency
#     well-architected: performance-efficiency
#     production-readiness: capacity
#   remediation: |-
#     Make the processes stateless, run several of them behind a load balancer
#     or on a shared queue, set `processes.scaling.horizontal: true` with a
#     `max_replicas` above one, and generate identifiers with UUIDs, ULIDs,
#     snowflake ids or a database sequence rather than an in-process counter.
#   applicability: Every service.
#   example: |-
#     processes:
#       scaling:
#         horizontal: true
#         min_replicas: 2
#         max_replicas: 10
#       id_generation: ulid
package archvet.rules.twelve_factor.horizontal_scaling

import rego.v1

import data.archvet.lib

scaling := lib.get(input, ["processes", "scaling"], {})

deny contains lib.finding(msg, "processes.scaling.horizontal") if {
	lib.get(scaling, "horizontal", null) == false
	msg := "the service scales only by growing one process"
}

deny contains lib.finding(msg, "processes.scaling.horizontal") if {
	lib.get(scaling, "horizontal", null) == null
	msg := "the design does not say whether the service scales out by adding processes"
}

deny contains lib.finding(msg, "processes.scaling.max_replicas") if {
	scaling.horizontal == true
	scaling.max_replicas < 2
	msg := sprintf("horizontal scaling is declared but max_replicas is %d", [scaling.max_replicas])
}

deny contains lib.finding(msg, "processes.scaling.max_replicas") if {
	scaling.max_replicas >= 2
	scaling.max_replicas < scaling.min_replicas
	msg := sprintf("max_replicas (%d) is below min_replicas (%d)", [scaling.max_replicas, scaling.min_replicas])
}

deny contains lib.finding(msg, "processes.id_generation") if {
	lib.get(input, ["processes", "id_generation"], "") == "single-counter"
	msg := "identifiers come from a single counter, which limits the service to one writer process"
}
