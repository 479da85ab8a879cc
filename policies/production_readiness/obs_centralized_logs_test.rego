package archvet.rules.production_readiness.obs_centralized_logs_test

import rego.v1

import data.archvet.rules.production_readiness.obs_centralized_logs as rule

test_centralized_passes if {
	count(rule.deny) == 0 with input as {"observability": {"logging": {"centralized": true}}}
}

test_not_centralized_fails if {
	findings := rule.deny with input as {"observability": {"logging": {"centralized": false}}}
	count(findings) == 1
	some f in findings
	f.path == "observability.logging.centralized"
}

test_unstated_fails if {
	some f in rule.deny with input as {"observability": {"logging": {"format": "json"}}}
	f.path == "observability.logging.centralized"
	contains(f.msg, "does not say")
}
