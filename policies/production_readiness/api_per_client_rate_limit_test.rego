package archvet.rules.production_readiness.api_per_client_rate_limit_test

import rego.v1

import data.archvet.rules.production_readiness.api_per_client_rate_limit as rule

limited(rate, clients) := {"name": "orders", "rate_limit": {"enabled": true, "per": "client", "requests_per_second": rate, "expected_clients": clients}}

# Capacity 1000 x 1.5 = 1500 requests per second.
tier_input(tier, clients) := {
	"service": {"tier": tier},
	"capacity": {"peak_rps": 1000, "headroom_percent": 50},
	"apis": [limited(10, clients)],
}

test_tier_boundaries if {
	count(rule.deny) == 0 with input as tier_input(0, 150)
	count(rule.deny) == 1 with input as tier_input(0, 151)
	count(rule.deny) == 0 with input as tier_input(1, 225)
	count(rule.deny) == 1 with input as tier_input(1, 226)
	count(rule.deny) == 0 with input as tier_input(2, 300)
	count(rule.deny) == 1 with input as tier_input(2, 301)
	count(rule.deny) == 0 with input as tier_input(3, 450)
	count(rule.deny) == 1 with input as tier_input(3, 451)
}

test_fails_at_the_rate_limit if {
	rule.applicable with input as tier_input(0, 151)
	{f.path | some f in rule.deny} == {"apis[0].rate_limit.requests_per_second"} with input as tier_input(0, 151)
}

test_override if {
	count(rule.deny) == 1 with input as tier_input(3, 101)
		with data.archvet.params as {"PR234": {"max_oversubscription_percent": [10, 10, 10, 66.7]}}
}

test_one_client_above_capacity_fails if {
	inp := {"capacity": {"peak_rps": 1000}, "apis": [limited(1001, 1), limited(1000, 1)]}
	{f.path | some f in rule.deny} == {"apis[0].rate_limit.requests_per_second"} with input as inp
}

test_unanswered_rate_clients_and_peak if {
	findings := rule.unanswered with input as {"apis": [
		{"name": "a", "rate_limit": {"per": "api-key"}},
		{"name": "b", "rate_limit": {"per": "ip", "requests_per_second": 5, "expected_clients": 2}},
	]}
	{f.path | some f in findings} == {
		"apis[0].rate_limit.requests_per_second", "apis[0].rate_limit.expected_clients",
		"capacity.peak_rps",
	}
}

test_global_or_disabled_limits_not_applicable if {
	not rule.applicable with input as {"apis": [
		{"name": "a", "rate_limit": {"per": "global", "requests_per_second": 5}},
		{"name": "b", "rate_limit": {"enabled": false, "per": "client"}},
	]}
}
