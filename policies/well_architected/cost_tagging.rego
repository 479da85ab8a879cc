# METADATA
# title: The service's costs are attributed to a cost center through resource tags
# description: |-
#   Spend that belongs to nobody is optimised by nobody. Billing data only
#   says which resources cost money; tags say whose they are. Naming the
#   cost center that pays for the service lets finance allocate its bill,
#   and consistent service, owner and cost-center tags are how that
#   allocation reaches each resource. Without them, shared accounts turn
#   into one undivided bill and idle resources cannot be traced to anyone.
#   Tagging has to be enforced at creation, because untagged resources are
#   rarely fixed afterwards.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_monitor_usage_org_information.html
#     description: COST03-BP02 Add organization information to cost and usage
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_monitor_usage_define_attribution.html
#     description: COST03-BP03 Identify cost attribution categories
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_cloud_financial_management_function.html
#     description: COST01-BP01 Establish ownership of cost optimization
#   - ref: https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html
#     description: AWS whitepaper, Best Practices for Tagging AWS Resources
# custom:
#   id: WA352
#   severity: medium
#   level: reactive
#   check: presence
#   best_practices: [COST03-BP02, COST03-BP03, COST01-BP01]
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Agree with finance which cost center pays for the service and record it
#     as `cost.cost_center`. Tag every resource with at least service, owner
#     and cost center through infrastructure as code default tags, enforce
#     the tags with a policy, activate them for cost allocation, and set
#     `cost.tagging: true`.
#   applicability: Every service.
#   example: |-
#     cost:
#       cost_center: CC-4711
#       tagging: true
package archvet.rules.well_architected.cost_tagging

import rego.v1

import data.archvet.lib

tagging := object.get(input, ["cost", "tagging"], null)

deny contains lib.finding(msg, "cost.tagging") if {
	tagging == false
	msg := "resources are not all tagged with service, owner and cost center"
}

unanswered contains lib.finding(msg, "cost.tagging") if {
	tagging == null
	msg := "the design does not say whether resources are tagged with service and owner"
}

unanswered contains lib.finding(msg, "cost.cost_center") if {
	trim_space(object.get(input, ["cost", "cost_center"], "")) == ""
	msg := "the design does not say which cost center pays for the service"
}
