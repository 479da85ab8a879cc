package archvet.rules.production_readiness.change_canary_all_changes_test

import rego.v1

import data.archvet.rules.production_readiness.change_canary_all_changes as rule

design(tier, kinds) := {
	"service": {"name": "s", "owner": "t", "tier": tier},
	"deployment": {"strategy": "blue-green", "progressive_changes": kinds},
}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as design(1, [])
	not rule.applicable with input as design(2, [])
}

# Bug 12: blue-green is PR440's concern; PR441 judges what goes through it.
test_every_kind_covered_passes if {
	count(rule.deny) == 0 with input as design(0, ["code", "config", "feature-flags", "infrastructure"])
	count(rule.unanswered) == 0 with input as design(0, ["code", "config", "feature-flags", "infrastructure"])
}

test_config_pushed_outside_the_rollout_fails if {
	findings := rule.deny with input as design(0, ["code", "feature-flags", "infrastructure"])
	paths(findings) == {"deployment.progressive_changes"}
	some f in findings
	startswith(f.msg, "config changes")
}

test_tier_1_needs_no_infrastructure_canary if {
	count(rule.deny) == 0 with input as design(1, ["code", "config", "feature-flags"])
	count(rule.deny) == 1 with input as design(1, ["code", "config"])
	count(rule.deny) == 1 with input as design(0, ["code", "config", "feature-flags"])
}

test_unstated_is_an_open_question if {
	paths(rule.unanswered) == {"deployment.progressive_changes"} with input as {"deployment": {"strategy": "canary"}}
	count(rule.deny) == 0 with input as {"deployment": {"strategy": "canary"}}
}

test_override_of_the_kinds if {
	count(rule.deny) == 0 with input as design(0, ["code"])
		with data.archvet.params as {"PR441": {"required_change_kinds": [["code"], ["code"], ["code"], ["code"]]}}
}
