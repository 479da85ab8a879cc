package archvet.rules.production_readiness.obs_golden_signals_test

import rego.v1

import data.archvet.rules.production_readiness.obs_golden_signals as rule

test_all_signals_pass if {
	count(rule.deny) == 0 with input as {"observability": {"metrics": {"golden_signals": ["errors", "latency", "saturation", "traffic"]}}}
}

test_missing_signals_fail if {
	findings := rule.deny with input as {"observability": {"metrics": {"golden_signals": ["latency", "errors"]}}}
	count(findings) == 2
	every f in findings {
		f.path == "observability.metrics.golden_signals"
	}
	some f in findings
	contains(f.msg, "saturation")
}

test_unstated_signals_fail if {
	findings := rule.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 2}}
	count(findings) == 1
	some f in findings
	f.path == "observability.metrics.golden_signals"
	contains(f.msg, "does not say")
}

# An organisation that measures by RED (rate, errors, duration) can leave
# saturation out of what it requires.
test_override_of_the_required_signals if {
	red := ["latency", "traffic", "errors"]
	inp := {"observability": {"metrics": {"golden_signals": red}}}
	count(rule.deny) == 1 with input as inp
	count(rule.deny) == 0 with input as inp
		with data.archvet.params as {"PR410": {"required_signals": [red, red, red, red]}}
}
