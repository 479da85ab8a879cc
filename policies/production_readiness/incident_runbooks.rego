# METADATA
# title: The service has runbooks for its known operational procedures
# description: |-
#   At three in the morning the person responding may not be the one who
#   built the service. Runbooks capture how to check health, fail over,
#   scale, drain, restart and roll back, so that routine procedures are done
#   the same safe way each time, and so they can later be automated. A
#   service with no runbooks depends on the memory of whoever happens to be
#   awake.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_ready_to_support_use_runbooks.html
#     description: OPS07-BP03 Use runbooks to perform procedures
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_ready_to_support_use_playbooks.html
#     description: OPS07-BP04 Use playbooks to investigate issues
# custom:
#   id: PR432
#   best_practices: [OPS07-BP03, OPS07-BP04]
#   severity: medium
#   check: presence
#   level: reactive
#   frameworks:
#     production-readiness: incident-response
#     well-architected: operational-excellence
#   remediation: |-
#     Write runbooks for the service's routine and emergency procedures
#     (deploy and roll back, fail over, scale, restore, drain a dependency),
#     keep them in version control, and list them in `operations.runbooks`.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     operations:
#       runbooks:
#         - runbooks/checkout/rollback.md
#         - runbooks/checkout/failover.md
package archvet.rules.production_readiness.incident_runbooks

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

deny contains lib.finding(msg, "operations.runbooks") if {
	applicable
	input.operations.runbooks == []
	msg := sprintf("the design lists an empty set of runbooks for this tier %d service", [lib.tier])
}

unanswered contains lib.finding("the design does not list runbooks for the service", "operations.runbooks") if {
	applicable
	not is_array(object.get(input, ["operations", "runbooks"], null))
}
