# METADATA
# title: A critical service sheds load when it is overloaded
# description: |-
#   Past its capacity a service that accepts every request slows down for
#   all of them: queues grow, latency passes the callers' timeouts, and the
#   work it does complete is for requests already abandoned, so throughput
#   collapses just when demand peaks. Rejecting the excess early and cheaply
#   (a fast 429 or 503, lowest-priority work first) keeps the accepted
#   requests fast and lets the service ride out spikes that autoscaling has
#   not yet caught up with.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp04.html
#     description: REL05-BP04 Fail fast and limit queues
#   - ref: https://sre.google/sre-book/handling-overload/
#     description: Google SRE book, Handling Overload
# custom:
#   id: PR213
#   severity: high
#   level: proactive
#   check: presence
#   best_practices: [REL05-BP04]
#   frameworks:
#     production-readiness: capacity
#     well-architected: reliability
#   remediation: |-
#     Bound the number of requests in flight and the length of every queue,
#     reject work beyond those bounds at once with a retryable status (429 or
#     503), prefer dropping low-priority traffic first, and set
#     `capacity.load_shedding: true`.
#   applicability: Tier 0 and 1 services.
#   example: |-
#     capacity:
#       peak_rps: 1200
#       load_shedding: true
package archvet.rules.production_readiness.resilience_load_shedding

import rego.v1

import data.archvet.lib

applicable if lib.critical

unanswered contains lib.finding(msg, "capacity.load_shedding") if {
	lib.critical
	object.get(input, ["capacity", "load_shedding"], null) == null
	msg := "the design does not say whether the service sheds load when it is overloaded"
}

deny contains lib.finding(msg, "capacity.load_shedding") if {
	lib.critical
	object.get(input, ["capacity", "load_shedding"], null) == false
	msg := sprintf("the tier %d service accepts all work when overloaded instead of shedding the excess", [lib.tier])
}
