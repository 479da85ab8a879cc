# METADATA
# title: No lasting state is kept in process memory or on local disk
# description: |-
#   Sessions, uploaded files, written files and in-memory work queues held by
#   one instance vanish when it is restarted or scaled in, and are invisible
#   to every other instance. Users get logged out, uploads go missing and
#   queued work is silently dropped. A purely local cache is tolerated: it
#   may be lost at any time, so the service must already cope without it.
# related_resources:
#   - ref: https://12factor.net/processes
#     description: Twelve-Factor App, VI. Processes
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_mitigate_interaction_failure_stateless.html
#     description: REL05-BP06 Make systems stateless where possible
# custom:
#   id: TF015
#   severity: high
#   level: reactive
#   frameworks:
#     twelve-factor: processes
#     well-architected: reliability
#   remediation: |-
#     Keep sessions in a shared store (or in signed tokens), uploads and files
#     in object storage, and queued work in a message broker; then drop the
#     entries from `processes.local_state`. A local cache may stay when losing
#     it costs only latency.
#   applicability: Every service; a design without `processes.local_state` keeps nothing locally.
#   example: |-
#     processes:
#       stateless: true
#       local_state: [cache]
package archvet.rules.twelve_factor.no_local_state

import rego.v1

import data.archvet.lib

# What to use instead of each kind of local state. A local cache is absent on
# purpose: it is disposable by nature.
replacement := {
	"sessions": "a shared session store or signed tokens",
	"uploads": "object storage",
	"files": "object storage or a database",
	"queue": "a message broker",
}

deny contains lib.finding(msg, path) if {
	some i, kind in lib.get(input, ["processes", "local_state"], [])
	instead := replacement[kind]
	msg := sprintf("%s are kept locally and are lost when the instance goes; use %s", [kind, instead])
	path := sprintf("processes.local_state[%d]", [i])
}
