# METADATA
# title: Processes are stateless and share nothing
# description: |-
#   A process that keeps data between requests ties users to one instance and
#   loses that data whenever the instance is restarted, rescheduled or scaled
#   in. Keeping every piece of lasting state in a backing service lets any
#   instance serve any request, so instances can be added, replaced or killed
#   at will, which is what horizontal scaling, rolling deploys and fast
#   recovery rely on. In-memory sessions, local uploads and sticky routing
#   are the same fact seen from three sides, so this one rule judges them
#   together: the flag, the list of local state and the routing must agree.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_mitigate_interaction_failure_stateless.html
#     description: REL05-BP06 Make systems stateless where possible
#   - ref: https://12factor.net/processes
#     description: Twelve-Factor App, VI. Processes
# custom:
#   id: TF014
#   severity: high
#   level: reactive
#   check: reasoning
#   best_practices: [REL05-BP06]
#   frameworks:
#     twelve-factor: processes
#     well-architected: reliability
#   remediation: |-
#     Move sessions, uploads, job queues and other lasting data into backing
#     services (a database, a shared cache, object storage, a broker), route
#     requests to any instance, and state it: `processes.stateless: true`,
#     `processes.local_state: []` (a local cache may stay) and
#     `processes.sticky_sessions: false`.
#   applicability: Every service.
#   example: |-
#     processes:
#       stateless: true
#       local_state: [cache]
#       sticky_sessions: false
package archvet.rules.twelve_factor.stateless_processes

import rego.v1

import data.archvet.lib

processes := object.get(input, "processes", {})

stateless := object.get(processes, "stateless", null)

local_state := object.get(processes, "local_state", null)

sticky := object.get(processes, "sticky_sessions", null)

# What to use instead of each kind of local state. A local cache is absent on
# purpose: it is disposable by nature.
replacement := {
	"sessions": "a shared session store or signed tokens",
	"uploads": "object storage",
	"files": "object storage or a database",
	"queue": "a message broker",
}

deny contains lib.finding("processes keep state between requests", "processes.stateless") if {
	stateless == false
}

deny contains lib.finding(msg, path) if {
	some i, kind in local_state
	instead := replacement[kind]
	msg := sprintf("%s are kept locally and are lost when the instance goes; use %s", [kind, instead])
	path := sprintf("processes.local_state[%d]", [i])
}

deny contains lib.finding(msg, "processes.sticky_sessions") if {
	sticky == true
	msg := "requests must return to the same instance (sticky sessions), so losing it loses its users' state"
}

unanswered contains lib.finding(msg, "processes.stateless") if {
	stateless == null
	msg := "the design does not say whether processes are stateless"
}

unanswered contains lib.finding(msg, "processes.local_state") if {
	local_state == null
	msg := "the design does not say what state processes keep locally (an empty list when none)"
}

unanswered contains lib.finding(msg, "processes.sticky_sessions") if {
	sticky == null
	msg := "the design does not say whether requests must return to the same instance"
}
