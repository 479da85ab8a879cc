# METADATA
# title: Requests need not return to the same instance
# description: |-
#   Sticky sessions hide state that lives in one process. Load spreads
#   unevenly, new instances take a long time to pick up traffic, and every
#   deploy, crash or scale-in logs users out or drops their work. A design
#   that routes any request to any healthy instance scales and fails over
#   cleanly.
# related_resources:
#   - ref: https://12factor.net/processes
#     description: Twelve-Factor App, VI. Processes
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_mitigate_interaction_failure_stateless.html
#     description: REL05-BP06 Make systems stateless where possible
# custom:
#   id: TF016
#   severity: medium
#   level: proactive
#   frameworks:
#     twelve-factor: processes
#     well-architected: reliability
#   remediation: |-
#     Move the per-user state the stickiness protects into a shared store,
#     turn off session affinity at the load balancer, and set
#     `processes.sticky_sessions: false`.
#   applicability: Every service; the rule fires only when the design says requests must return to the same instance.
#   example: |-
#     processes:
#       stateless: true
#       sticky_sessions: false
package archvet.rules.twelve_factor.no_sticky_sessions

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "processes.sticky_sessions") if {
	lib.get(input, ["processes", "sticky_sessions"], false) == true
	msg := "requests must return to the same instance (sticky sessions)"
}
