# METADATA
# title: Readiness and liveness checks are declared and distinct
# description: |-
#   The platform can only route around a broken instance, or restart a hung
#   one, if the service tells it how to check. A readiness check keeps traffic
#   away from an instance that is starting, draining or cut off from what it
#   needs; a liveness check lets the platform replace a process that is stuck.
#   The two answer different questions: when liveness also fails because a
#   shared dependency is down, the platform restarts every instance at once
#   and turns a dependency blip into a full outage.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_monitoring_health.html
#     description: REL11-BP01 Monitor all components of the workload to detect failures
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_auto_healing_system.html
#     description: REL11-BP03 Automate healing on all layers
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#     description: Kubernetes, Configure Liveness, Readiness and Startup Probes
# custom:
#   id: PR316
#   best_practices: [REL11-BP01, REL11-BP03]
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Expose a readiness check that fails while the instance cannot serve
#     (starting, draining, missing a hard dependency) and a separate, cheap
#     liveness check that only fails when the process itself is wedged, and
#     record them in `processes.health_checks.readiness` and `.liveness`.
#   applicability: Services that do not run on a serverless platform.
#   example: |-
#     processes:
#       health_checks:
#         readiness: /health/ready
#         liveness: /health/live
package archvet.rules.production_readiness.availability_health_checks

import rego.v1

import data.archvet.lib

checks := object.get(input, ["processes", "health_checks"], {})

purposes := {
	"readiness": "whether an instance is ready to take traffic",
	"liveness": "whether an instance is stuck and must be restarted",
}

applicable if object.get(input, ["deployment", "platform"], "") != "serverless"

unanswered contains lib.finding(msg, path) if {
	applicable
	some kind, purpose in purposes
	object.get(checks, kind, "") == ""
	msg := sprintf("the design does not declare a %s check, so the platform cannot tell %s", [kind, purpose])
	path := sprintf("processes.health_checks.%s", [kind])
}

deny contains lib.finding(msg, "processes.health_checks.liveness") if {
	applicable
	liveness := object.get(checks, "liveness", "")
	liveness != ""
	liveness == object.get(checks, "readiness", "")
	msg := sprintf("liveness and readiness use the same check (%q); a dependency outage would restart every instance at once", [liveness])
}
