package archvet.rules.production_readiness.incident_on_call_test

import rego.v1

import data.archvet.rules.production_readiness.incident_on_call as rule

test_tier0_24x7_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 0},
		"operations": {"on_call": {"rotation": "primary", "hours": "24x7"}},
	}
}

test_tier2_business_hours_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"operations": {"on_call": {"rotation": "primary", "hours": "business-hours"}},
	}
}

test_tier1_business_hours_fails if {
	findings := rule.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 1},
		"operations": {"on_call": {"rotation": "primary", "hours": "business-hours"}},
	}
	count(findings) == 1
	some f in findings
	f.path == "operations.on_call.hours"
	contains(f.msg, "24x7")
}

test_no_on_call_fails if {
	findings := rule.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 2}}
	count(findings) == 2
	some f in findings
	f.path == "operations.on_call.rotation"
}

test_hours_none_fails if {
	some f in rule.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"operations": {"on_call": {"rotation": "primary", "hours": "none"}},
	}
	f.path == "operations.on_call.hours"
	contains(f.msg, "nobody")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

# says holds when one of the findings' messages contains text.
says(findings, text) if {
	some f in findings
	contains(f.msg, text)
}

cover(tier, hours) := {
	"service": {"name": "s", "owner": "t", "tier": tier},
	"operations": {"on_call": {"rotation": "primary", "hours": hours}},
}

# The cover each tier accepts: 24x7 everywhere, business hours from tier 2.
test_cover_at_each_tier if {
	every tier in [0, 1, 2] {
		count(rule.deny) == 0 with input as cover(tier, "24x7")
		says(rule.deny, "nobody is on call") with input as cover(tier, "none")
	}
	every tier in [0, 1] {
		says(rule.deny, "covers business-hours only") with input as cover(tier, "business-hours")
	}
	count(rule.deny) == 0 with input as cover(2, "business-hours")
}

test_override_of_the_accepted_cover if {
	count(rule.deny) == 1 with input as cover(2, "business-hours")
		with data.archvet.params as {"PR430": {"accepted_hours": [["24x7"], ["24x7"], ["24x7"], ["24x7", "business-hours"]]}}
	count(rule.deny) == 0 with input as cover(1, "business-hours")
		with data.archvet.params as {"PR430": {"accepted_hours": [["24x7"], ["24x7", "business-hours"], ["24x7", "business-hours"], ["24x7", "business-hours"]]}}
}

test_tier_2_applicable if {
	rule.applicable with input as cover(2, "24x7")
}
