package archvet.rules.production_readiness.slo_latency_objective_test

import rego.v1

import data.archvet.rules.production_readiness.slo_latency_objective as rule

test_latency_slo_passes if {
	count(rule.deny) == 0 with input as {
		"apis": [{"name": "orders"}],
		"slos": [{"name": "lat", "sli": "latency", "threshold_ms": 250, "objective_percent": 99}],
	}
}

test_no_latency_slo_fails if {
	findings := rule.deny with input as {
		"apis": [{"name": "orders"}],
		"slos": [{"name": "avail", "sli": "availability", "objective_percent": 99.9}],
	}
	count(findings) == 1
	some f in findings
	f.path == "slos"
}

test_missing_threshold_fails if {
	findings := rule.unanswered with input as {
		"apis": [{"name": "orders"}],
		"slos": [
			{"name": "avail", "sli": "availability"},
			{"name": "lat", "sli": "latency", "objective_percent": 99},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "slos[1].threshold_ms"
	contains(f.msg, "lat")
}

test_missing_objective_fails if {
	some f in rule.unanswered with input as {
		"apis": [{"name": "orders"}],
		"slos": [{"name": "lat", "sli": "latency", "threshold_ms": 200}],
	}
	f.path == "slos[0].objective_percent"
}

test_no_api_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 0}}
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}, "apis": [{"name": "x"}]}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}, "apis": [{"name": "orders"}]}
}
