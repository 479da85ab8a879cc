package archvet.rules.production_readiness.events_consumer_lag_test

import rego.v1

import data.archvet.rules.production_readiness.events_consumer_lag as rule

consumer(lag) := {"name": "settled", "lag_alert_seconds": lag}

freshness(ms) := [{"name": "fresh", "sli": "freshness", "threshold_ms": ms}]

test_alert_before_freshness_slo if {
	inp := {"service": {"tier": 3}, "events": {"consumes": [consumer(299)]}, "slos": freshness(300000)}
	rule.applicable with input as inp
	count(rule.deny) == 0 with input as inp
	findings := rule.deny with input as {"service": {"tier": 3}, "events": {"consumes": [{"name": "a"}, consumer(300)]}, "slos": freshness(300000)}
	{f.path | some f in findings} == {"events.consumes[1].lag_alert_seconds"}
}

tier_input(tier, lag) := {"service": {"tier": tier}, "events": {"consumes": [consumer(lag)]}}

test_tier_boundaries if {
	count(rule.deny) == 0 with input as tier_input(0, 300)
	count(rule.deny) == 1 with input as tier_input(0, 301)
	count(rule.deny) == 0 with input as tier_input(1, 600)
	count(rule.deny) == 1 with input as tier_input(1, 601)
	count(rule.deny) == 0 with input as tier_input(2, 1800)
	count(rule.deny) == 1 with input as tier_input(2, 1801)
	count(rule.deny) == 0 with input as tier_input(3, 3600)
	count(rule.deny) == 1 with input as tier_input(3, 3601)
}

test_override if {
	count(rule.deny) == 1 with input as tier_input(3, 61)
		with data.archvet.params as {"PR232": {"max_lag_alert_seconds": [60, 60, 60, 60]}}
}

test_unstated_lag_alert_unanswered if {
	findings := rule.unanswered with input as {"events": {"consumes": [consumer(10), {"name": "b"}]}}
	{f.path | some f in findings} == {"events.consumes[1].lag_alert_seconds"}
}

test_no_consumers_not_applicable if {
	not rule.applicable with input as {"events": {"publishes": [{"name": "x"}]}}
}
