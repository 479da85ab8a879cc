# METADATA
# title: Consumer lag raises an alert before the data is staler than promised
# description: |-
#   A queue or stream in front of a consumer hides trouble: when the
#   consumer slows or stops, nothing fails, the backlog just grows and
#   every message waits longer. Only an alert on consumer lag (the age of
#   the oldest unprocessed message) notices it while it can still be
#   drained. The alert is useful only if it fires before the lag breaks
#   what the service promises: below the threshold of a freshness SLO when
#   there is one, otherwise within a bound set by tier.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel06-bp01.html
#     description: REL06-BP01 Monitor all components for the workload (Generation)
#   - ref: https://sre.google/workbook/data-processing/
#     description: Google SRE workbook, Data Processing Pipelines
#   - ref: https://sre.google/sre-book/handling-overload/
#     description: Google SRE book, Handling Overload
# custom:
#   id: PR232
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [REL06-BP01]
#   params:
#     max_lag_alert_seconds:
#       description: highest consumer lag at which the alert may fire when no freshness SLO is declared
#       tiers: [300, 600, 1800, 3600]
#   frameworks:
#     production-readiness: messaging
#     well-architected: reliability
#   remediation: |-
#     Alert on the lag of each consumer (`events.consumes[].lag_alert_seconds`),
#     at a lag below the threshold of the freshness SLO
#     (`slos[].threshold_ms` with `sli: freshness`), or below the tier's bound
#     when there is none, so that a stalled consumer is noticed while its
#     backlog can still be drained.
#   applicability: The service consumes events.
#   example: |-
#     events:
#       consumes:
#         - name: payment-settled
#           lag_alert_seconds: 120
#     slos:
#       - name: order-freshness
#         sli: freshness
#         objective_percent: 99
#         threshold_ms: 300000
package archvet.rules.production_readiness.events_consumer_lag

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if count(lib.consumes) > 0

freshness_slos contains [j, slo] if {
	some j, slo in lib.slos
	object.get(slo, "sli", "") == "freshness"
	is_number(object.get(slo, "threshold_ms", null))
}

deny contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	lag := event.lag_alert_seconds
	some [_, slo] in freshness_slos
	lag * 1000 >= slo.threshold_ms
	msg := sprintf(
		"the lag alert of consumer %q fires at %d s, not before freshness slo %q is lost at %d ms",
		[event.name, lag, slo.name, slo.threshold_ms],
	)
	path := sprintf("events.consumes[%d].lag_alert_seconds", [i])
}

deny contains lib.finding(msg, path) if {
	count(freshness_slos) == 0
	some i, event in lib.consumes
	lag := event.lag_alert_seconds
	lag > params.max_lag_alert_seconds
	msg := sprintf(
		"the lag alert of consumer %q fires only at %d s, later than %d s for a tier %d service",
		[event.name, lag, params.max_lag_alert_seconds, lib.tier],
	)
	path := sprintf("events.consumes[%d].lag_alert_seconds", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	not is_number(object.get(event, "lag_alert_seconds", null))
	msg := sprintf("the design does not say at what lag the consumer of %q raises an alert", [event.name])
	path := sprintf("events.consumes[%d].lag_alert_seconds", [i])
}
