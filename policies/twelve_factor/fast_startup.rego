# METADATA
# title: Processes start quickly
# description: |-
#   How fast a process becomes ready decides how fast the service can scale
#   out under a spike, replace a crashed instance and roll a release forward
#   or back. A process that needs minutes to warm up leaves the service short
#   of capacity exactly when it is needed. Critical services are held to a
#   tighter bound (60 seconds for tiers 0 and 1, 120 otherwise).
# related_resources:
#   - ref: https://12factor.net/disposability
#     description: Twelve-Factor App, IX. Disposability
# custom:
#   id: TF021
#   severity: medium
#   level: proactive
#   check: threshold
#   params:
#     max_startup_seconds:
#       description: longest time a process may take to become ready
#       tiers: [45, 60, 120, 180]
#   frameworks:
#     twelve-factor: disposability
#     production-readiness: capacity
#   remediation: |-
#     Measure the time from process start to a passing readiness probe and
#     record it in `processes.startup_seconds`. Shorten it by moving work out
#     of startup: load caches lazily, run migrations as a separate admin
#     process, shrink the image, and avoid fetching dependencies at boot.
#   applicability: Every service; the limit is 60 seconds for tiers 0 and 1 and 120 seconds for tiers 2 and 3.
#   example: |-
#     processes:
#       startup_seconds: 8
package archvet.rules.twelve_factor.fast_startup

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

limit_seconds := params.max_startup_seconds

startup := object.get(input, ["processes", "startup_seconds"], null)

unanswered contains lib.finding(msg, "processes.startup_seconds") if {
	startup == null
	msg := "the design does not say how long a process takes to become ready"
}

deny contains lib.finding(msg, "processes.startup_seconds") if {
	startup != null
	startup > limit_seconds
	msg := sprintf("processes take %vs to become ready; a tier %d service should be ready within %ds", [startup, lib.tier, limit_seconds])
}
