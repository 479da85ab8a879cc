# METADATA
# title: Every resource is tagged with its service and owner
# description: |-
#   Billing data only says which resources cost money; tags say whose they
#   are. Without consistent service and owner tags, shared accounts turn into
#   one undivided bill, idle resources cannot be traced to anyone, and
#   per-service cost reports and budgets are impossible. Tagging has to be
#   enforced at creation, because untagged resources are rarely fixed
#   afterwards.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_monitor_usage_org_information.html
#     description: COST03-BP02 Add organization information to cost and usage
#   - ref: https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html
#     description: AWS whitepaper, Best Practices for Tagging AWS Resources
# custom:
#   id: WA352
#   severity: medium
#   level: reactive
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Tag every resource with at least service, owner and cost center through
#     infrastructure as code default tags, enforce the tags with a policy
#     (tag policies, admission control), activate them for cost allocation,
#     and set `cost.tagging: true`.
#   applicability: Every service.
#   example: |-
#     cost:
#       tagging: true
package archvet.rules.well_architected.cost_tagging

import rego.v1

import data.archvet.lib

tagging := lib.get(input, ["cost", "tagging"], null)

deny contains lib.finding(msg, "cost.tagging") if {
	tagging == false
	msg := "resources are not all tagged with service and owner"
}

deny contains lib.finding(msg, "cost.tagging") if {
	tagging == null
	msg := "the design does not say whether resources are tagged with service and owner"
}
