# METADATA
# title: Processes shut down gracefully within a bounded drain
# description: |-
#   Processes are stopped all the time: on every deploy, scale-in, node
#   drain and crash recovery. On SIGTERM a disposable process stops taking
#   new work, finishes or hands back what is in flight, and exits. Without
#   that, every routine deploy fails some requests or loses some jobs. The
#   drain also needs a bound: long enough for the slowest request the
#   service allows, short enough not to stall rollouts.
# related_resources:
#   - ref: https://12factor.net/disposability
#     description: Twelve-Factor App, IX. Disposability
#   - ref: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
#     description: Kubernetes, termination of pods and the grace period
# custom:
#   id: TF020
#   severity: high
#   level: reactive
#   check: reasoning
#   params:
#     max_drain_seconds:
#       description: longest drain that does not hold rollouts and scale-in hostage
#       value: 120
#   frameworks:
#     twelve-factor: disposability
#     production-readiness: resilience
#   remediation: |-
#     Handle SIGTERM: fail the readiness probe, stop accepting connections
#     and jobs, let in-flight requests finish (or return jobs to the queue),
#     then exit. Set `processes.shutdown.graceful: true` and a
#     `drain_seconds` of at most 120 that is at least as long as the longest
#     API deadline, and give the platform a termination grace period to
#     match.
#   applicability: Every service.
#   example: |-
#     apis:
#       - name: orders
#         timeout_ms: 5000
#     processes:
#       shutdown:
#         graceful: true
#         drain_seconds: 30
package archvet.rules.twelve_factor.graceful_shutdown

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

max_drain_seconds := params.max_drain_seconds

shutdown := object.get(input, ["processes", "shutdown"], {})

deny contains lib.finding(msg, "processes.shutdown.graceful") if {
	object.get(shutdown, "graceful", null) == false
	msg := "processes exit on SIGTERM without finishing in-flight work"
}

deny contains lib.finding(msg, "processes.shutdown.drain_seconds") if {
	shutdown.drain_seconds > max_drain_seconds
	msg := sprintf("a drain of %vs stalls deploys and scale-in; keep it within %ds", [shutdown.drain_seconds, max_drain_seconds])
}

# A drain shorter than a request's deadline cuts off requests the service
# has promised to finish.
deny contains lib.finding(msg, "processes.shutdown.drain_seconds") if {
	some api in lib.apis
	api.timeout_ms > shutdown.drain_seconds * 1000
	msg := sprintf("a drain of %vs is shorter than api %q's %dms deadline, so in-flight requests are cut off", [shutdown.drain_seconds, api.name, api.timeout_ms])
}

unanswered contains lib.finding(msg, "processes.shutdown.graceful") if {
	object.get(shutdown, "graceful", null) == null
	msg := "the design does not say whether processes shut down gracefully"
}

unanswered contains lib.finding(msg, "processes.shutdown.drain_seconds") if {
	object.get(shutdown, "drain_seconds", null) == null
	msg := "the design does not bound how long a process may drain on shutdown"
}
