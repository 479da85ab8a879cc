# METADATA
# title: A documented incident process defines roles and severity levels
# description: |-
#   Under stress, people improvise: several engineers change production at
#   once, nobody talks to customers, and nobody decides when the incident is
#   over. A written process with severity levels, an incident commander,
#   separate roles for operations and communication, and a place to keep
#   the running log turns a crowd into a team and makes incidents end
#   sooner.
# related_resources:
#   - ref: https://sre.google/sre-book/managing-incidents/
#     description: Google SRE book, Managing Incidents
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_event_response_event_incident_problem_process.html
#     description: OPS10-BP01 Use a process for event, incident, and problem management
# custom:
#   id: PR434
#   best_practices: [OPS10-BP01]
#   severity: medium
#   check: presence
#   level: reactive
#   frameworks:
#     production-readiness: incident-response
#     well-architected: operational-excellence
#   remediation: |-
#     Adopt (or write) an incident process with severity definitions,
#     incident-commander, operations and communications roles, a declared
#     channel and a hand-off procedure, train the on-call rotation on it, and
#     set `operations.incident_process: true`.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     operations:
#       incident_process: true
package archvet.rules.production_readiness.incident_process

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

process := object.get(input, ["operations", "incident_process"], null)

unanswered contains lib.finding(msg, "operations.incident_process") if {
	process == null
	msg := "the design does not say whether a documented incident process exists"
}

deny contains lib.finding(msg, "operations.incident_process") if {
	process == false
	msg := "there is no documented incident process with roles and severity levels"
}
