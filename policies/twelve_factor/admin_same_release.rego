# METADATA
# title: Admin tasks run against the same release and config as the service
# description: |-
#   A migration or maintenance script run from a developer's checkout, or
#   from a different build than the one serving traffic, works against code
#   and configuration that production does not have. It can apply a schema
#   the running release does not understand, or read settings meant for
#   another environment. Running admin tasks from the deployed release, with
#   its config, keeps them in step with the service they change.
# related_resources:
#   - ref: https://12factor.net/admin-processes
#     description: Twelve-Factor App, XII. Admin processes
# custom:
#   id: TF030
#   severity: medium
#   level: proactive
#   check: presence
#   frameworks:
#     twelve-factor: admin-processes
#     production-readiness: change-management
#   remediation: |-
#     Start admin tasks from the release's own artifact and configuration (for
#     example a Job using the same image tag and environment as the
#     deployment) and set `processes.admin_tasks.same_release: true`.
#   applicability: Every service.
#   example: |-
#     processes:
#       admin_tasks:
#         mode: one-off-process
#         same_release: true
package archvet.rules.twelve_factor.admin_same_release

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "processes.admin_tasks.same_release") if {
	object.get(input, ["processes", "admin_tasks", "same_release"], null) == false
	msg := "admin tasks run from a different release or config than the service"
}

unanswered contains lib.finding(msg, "processes.admin_tasks.same_release") if {
	object.get(input, ["processes", "admin_tasks", "same_release"], null) == null
	msg := "the design does not say whether admin tasks run against the deployed release and config"
}
