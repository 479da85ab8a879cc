package archvet.rules.production_readiness.obs_synthetic_checks_test

import rego.v1

import data.archvet.rules.production_readiness.obs_synthetic_checks as rule

test_probed_passes if {
	count(rule.deny) == 0 with input as {
		"apis": [{"name": "storefront", "exposure": "public"}],
		"observability": {"synthetic_checks": true},
	}
}

test_unprobed_public_api_fails if {
	findings := rule.deny with input as {
		"apis": [{"name": "admin", "exposure": "internal"}, {"name": "storefront", "exposure": "public"}],
		"observability": {"synthetic_checks": false},
	}
	count(findings) == 1
	some f in findings
	f.path == "observability.synthetic_checks"
	contains(f.msg, "storefront")
	not contains(f.msg, "admin")
}

test_internal_only_not_applicable if {
	not rule.applicable with input as {"apis": [{"name": "admin", "exposure": "internal"}]}
}

test_tier3_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "s", "owner": "t", "tier": 3},
		"apis": [{"name": "storefront", "exposure": "public"}],
	}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}, "apis": [{"name": "orders", "exposure": "public"}]}
}

test_cover_synthetic_checks_unanswered if {
	design := {"service": {"name": "x", "owner": "t", "tier": 0}, "apis": [{"name": "orders", "exposure": "public"}]}
	{f.path | some f in rule.unanswered} == {"observability.synthetic_checks"} with input as design
}
