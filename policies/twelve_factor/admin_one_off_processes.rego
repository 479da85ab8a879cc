# METADATA
# title: Admin tasks run as one-off processes shipped with the code
# description: |-
#   Migrations, data fixes and maintenance scripts change production as much
#   as a deploy does. Typed into a shell or a SQL console, they are untested,
#   unreviewed and leave no record of what ran; run on a timer inside the app,
#   every replica may fire them at once and they compete with user traffic.
#   Running them as one-off processes from code kept in the repository makes
#   them reviewable, repeatable and auditable.
# related_resources:
#   - ref: https://12factor.net/admin-processes
#     description: Twelve-Factor App, XII. Admin processes
# custom:
#   id: TF029
#   severity: medium
#   level: proactive
#   check: threshold
#   frameworks:
#     twelve-factor: admin-processes
#     production-readiness: change-management
#   remediation: |-
#     Keep migrations and maintenance scripts in the repository, run them as
#     one-off processes (a Kubernetes Job, `heroku run`, an ECS task) from the
#     release's artifact, and set the admin task mode to `one-off-process`.
#     Apply every data store's schema changes the same way rather than by
#     hand.
#   applicability: Every service.
#   example: |-
#     processes:
#       admin_tasks:
#         mode: one-off-process
#         same_release: true
package archvet.rules.twelve_factor.admin_one_off_processes

import rego.v1

import data.archvet.lib

mode := object.get(input, ["processes", "admin_tasks", "mode"], null)

problem := {
	"manual-shell": "admin tasks are typed into a shell on live instances, unreviewed and unrecorded",
	"manual-sql": "admin tasks are SQL run by hand against the database, unreviewed and unrecorded",
	"cron-in-app": "admin tasks run on a timer inside the service's processes, so replicas may run them at once",
}

# A stated way of running admin tasks that is not a one-off process is a
# failure; a design that does not say how they run leaves an open question.
deny contains lib.finding(problem[mode], "processes.admin_tasks.mode")

unanswered contains lib.finding(msg, "processes.admin_tasks.mode") if {
	mode == null
	msg := "the design does not say how migrations and other admin tasks are run"
}
