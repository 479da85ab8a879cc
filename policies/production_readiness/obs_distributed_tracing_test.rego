package archvet.rules.production_readiness.obs_distributed_tracing_test

import rego.v1

import data.archvet.rules.production_readiness.obs_distributed_tracing as rule

test_opentelemetry_tracing_passes if {
	count(rule.deny) == 0 with input as {"observability": {"tracing": {"enabled": true, "library": "opentelemetry", "sampling_percent": 5}}}
}

test_tracing_disabled_fails if {
	findings := rule.deny with input as {"observability": {"tracing": {"enabled": false}}}
	count(findings) == 1
	some f in findings
	f.path == "observability.tracing.enabled"
}

test_tracing_unstated_fails if {
	some f in rule.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 1}}
	f.path == "observability.tracing.enabled"
	contains(f.msg, "does not say")
}

test_vendor_library_fails if {
	findings := rule.deny with input as {"observability": {"tracing": {"enabled": true, "library": "vendor"}}}
	count(findings) == 1
	some f in findings
	f.path == "observability.tracing.library"
	contains(f.msg, "vendor")
}

test_zero_sampling_fails if {
	some f in rule.deny with input as {"observability": {"tracing": {"enabled": true, "library": "opentelemetry", "sampling_percent": 0}}}
	f.path == "observability.tracing.sampling_percent"
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}
