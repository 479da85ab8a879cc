# METADATA
# title: Processes are stateless and share nothing
# description: |-
#   A process that keeps data between requests ties users to one instance and
#   loses that data whenever the instance is restarted, rescheduled or scaled
#   in. Keeping every piece of lasting state in a backing service lets any
#   instance serve any request, so instances can be added, replaced or killed
#   at will, which is what horizontal scaling, rolling deploys and fast
#   recovery rely on.
# related_resources:
#   - ref: https://12factor.net/processes
#     description: Twelve-Factor App, VI. Processes
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_mitigate_interaction_failure_stateless.html
#     description: REL05-BP06 Make systems stateless where possible
# custom:
#   id: TF014
#   severity: high
#   level: reactive
#   frameworks:
#     twelve-factor: processes
#     well-architected: reliability
#   remediation: |-
#     Move sessions, uploads, job queues and other lasting data into backing
#     services (a database, a shared cache, object storage, a broker) and set
#     `processes.stateless: true`.
#   applicability: Every service.
#   example: |-
#     processes:
#       stateless: true
package archvet.rules.twelve_factor.stateless_processes

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "processes.stateless") if {
	lib.get(input, ["processes", "stateless"], null) == false
	msg := "processes keep state between requests"
}

deny contains lib.finding(msg, "processes.stateless") if {
	lib.get(input, ["processes", "stateless"], null) == null
	msg := "the design does not say whether processes are stateless"
}
