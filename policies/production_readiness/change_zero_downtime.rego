# METADATA
# title: Deploys and node drains take down no more than the headroom carries, and instances drain within the grace period
# description: |-
#   Zero-downtime deploys depend on two mechanics. A disruption budget caps
#   how many instances a deploy or node drain may take away at once; if it
#   allows more than the spare capacity covers, the remaining instances are
#   overloaded during every upgrade. And a stopping instance must leave the
#   load balancer before it stops accepting work: the pre-stop delay plus the
#   drain must fit inside the platform's grace period, or the platform kills
#   the process with requests still in flight. (TF020 compares the drain with
#   the API deadlines; this rule compares it with the platform.)
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_tracking_change_management_automated_changemgmt.html
#     description: REL08-BP05 Deploy changes with automation
#   - ref: https://kubernetes.io/docs/concepts/workloads/pods/disruptions/
#     description: Kubernetes, Disruptions and PodDisruptionBudget
#   - ref: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/
#     description: Kubernetes, Container lifecycle hooks (preStop)
# custom:
#   id: PR470
#   severity: medium
#   tier_severity: [high, medium, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [REL08-BP05]
#   frameworks:
#     production-readiness: change-management
#     well-architected: reliability
#   remediation: |-
#     Set a disruption budget (`deployment.disruption_budget.max_unavailable`)
#     no larger than the instances the headroom can spare:
#     min_replicas x headroom / (100 + headroom). Give stopping instances a
#     pre-stop delay so the load balancer stops routing to them, and make
#     `processes.shutdown.pre_stop_seconds` plus `drain_seconds` fit in
#     `grace_period_seconds`.
#   applicability: Services of tier 0 to 2 that run on Kubernetes, VMs or a PaaS (not serverless).
#   example: |-
#     deployment:
#       platform: kubernetes
#       disruption_budget:
#         max_unavailable: 1
#     capacity:
#       headroom_percent: 50
#     processes:
#       scaling:
#         min_replicas: 3
#       shutdown:
#         drain_seconds: 20
#         pre_stop_seconds: 5
#         grace_period_seconds: 30
package archvet.rules.production_readiness.change_zero_downtime

import rego.v1

import data.archvet.lib

applicable if {
	lib.tier <= 2
	object.get(input, ["deployment", "platform"], null) in {"kubernetes", "vm", "paas"}
}

budget := object.get(input, ["deployment", "disruption_budget", "max_unavailable"], null)

replicas := object.get(input, ["processes", "scaling", "min_replicas"], null)

headroom := object.get(input, ["capacity", "headroom_percent"], null)

shutdown := object.get(input, ["processes", "shutdown"], {})

# The instances that can go while the rest still carry the peak.
spare := floor((replicas * headroom) / (100 + headroom))

deny contains lib.finding(msg, "deployment.disruption_budget.max_unavailable") if {
	applicable
	budget == 0
	msg := "the disruption budget allows no instance to be taken down, so node drains and upgrades block"
}

deny contains lib.finding(msg, "deployment.disruption_budget.max_unavailable") if {
	applicable
	is_number(budget)
	budget > 0
	is_number(replicas)
	is_number(headroom)
	budget > max([spare, 1])
	msg := sprintf(
		"a deploy or drain may take %v of %v instances down at once, but %v%% headroom carries the peak without only %v",
		[budget, replicas, headroom, max([spare, 1])],
	)
}

deny contains lib.finding(msg, "processes.shutdown.grace_period_seconds") if {
	applicable
	grace := shutdown.grace_period_seconds
	needed := object.get(shutdown, "pre_stop_seconds", 0) + shutdown.drain_seconds
	needed > grace
	msg := sprintf("a stopping instance needs %v seconds (pre-stop delay and drain) but the platform kills it after %v", [needed, grace])
}

unanswered contains lib.finding(msg, "deployment.disruption_budget.max_unavailable") if {
	applicable
	budget == null
	msg := "the design does not say how many instances a deploy or node drain may take down at once"
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some field in ["pre_stop_seconds", "grace_period_seconds"]
	object.get(shutdown, field, null) == null
	msg := sprintf("the design does not say the %s of a stopping instance", [replace(field, "_", " ")])
	path := sprintf("processes.shutdown.%s", [field])
}
