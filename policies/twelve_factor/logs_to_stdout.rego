# METADATA
# title: Processes write logs as an event stream to stdout
# description: |-
#   A process that manages log files or ships its own logs takes on rotation,
#   disk space, buffering and delivery, and each of those fails on its own:
#   a full disk stops the service, a crash loses the buffer, and files on an
#   ephemeral instance disappear with it. Writing one unbuffered stream of
#   events to stdout leaves routing and storage to the platform, works the
#   same on a laptop and in production, and lets the destination change
#   without a release.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_observability_application_telemetry.html
#     description: OPS04-BP02 Implement application telemetry
#   - ref: https://12factor.net/logs
#     description: Twelve-Factor App, XI. Logs
# custom:
#   id: TF026
#   severity: medium
#   level: reactive
#   check: threshold
#   best_practices: [OPS04-BP02]
#   frameworks:
#     twelve-factor: logs
#     well-architected: operational-excellence
#     production-readiness: observability
#   remediation: |-
#     Write log events to stdout (and errors to stderr) without buffering,
#     let the platform's collector (Fluent Bit, Vector, the cloud's log
#     agent) route them, and set `observability.logging.destination: stdout`.
#   applicability: Every service.
#   example: |-
#     observability:
#       logging:
#         destination: stdout
package archvet.rules.twelve_factor.logs_to_stdout

import rego.v1

import data.archvet.lib

destination := object.get(input, ["observability", "logging", "destination"], "")

problem := {
	"file": "writes logs to local files, which fill disks, need rotation and vanish with the instance",
	"syslog": "sends logs to syslog itself instead of leaving routing to the platform",
	"vendor-agent": "ships logs to a vendor agent itself, tying the code to one log backend",
}

deny contains lib.finding(msg, "observability.logging.destination") if {
	text := problem[destination]
	msg := sprintf("the service %s", [text])
}

unanswered contains lib.finding(msg, "observability.logging.destination") if {
	destination == ""
	msg := "the design does not say where the service writes its logs"
}
