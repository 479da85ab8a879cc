package archvet.rules.production_readiness.obs_dashboards_test

import rego.v1

import data.archvet.rules.production_readiness.obs_dashboards as rule

test_dashboards_pass if {
	count(rule.deny) == 0 with input as {"observability": {"dashboards": ["https://grafana.example/d/checkout"]}}
}

test_no_dashboards_fails if {
	findings := rule.deny with input as {"observability": {"dashboards": []}}
	count(findings) == 1
	some f in findings
	f.path == "observability.dashboards"
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_cover_dashboards_unanswered if {
	{f.path | some f in rule.unanswered} == {"observability.dashboards"} with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}
