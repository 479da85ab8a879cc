package archvet.rules.production_readiness.obs_log_request_ids_test

import rego.v1

import data.archvet.rules.production_readiness.obs_log_request_ids as rule

test_request_ids_pass if {
	count(rule.deny) == 0 with input as {"observability": {"logging": {"request_ids": true}}}
}

test_no_request_ids_fails if {
	findings := rule.deny with input as {"observability": {"logging": {"request_ids": false}}}
	count(findings) == 1
	some f in findings
	f.path == "observability.logging.request_ids"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 2}}
	f.path == "observability.logging.request_ids"
	contains(f.msg, "does not say")
}
