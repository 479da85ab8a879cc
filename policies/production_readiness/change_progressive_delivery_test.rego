package archvet.rules.production_readiness.change_progressive_delivery_test

import rego.v1

import data.archvet.rules.production_readiness.change_progressive_delivery as rule

test_canary_passes if {
	count(rule.deny) == 0 with input as {"deployment": {"strategy": "canary"}}
}

design(tier, strategy) := {
	"service": {"name": "s", "owner": "t", "tier": tier},
	"deployment": {"strategy": strategy},
}

test_applicable_at_tier_2 if {
	rule.applicable with input as design(2, "canary")
}

# Bug 12: PR440 is the one rule about the strategy, and at tier 0 it asks
# for the canary PR441 used to ask for.
test_strategies_at_each_tier if {
	every tier, allowed in [{"canary"}, {"canary", "blue-green"}, {"canary", "blue-green", "rolling"}] {
		every strategy in {"canary", "blue-green", "rolling", "recreate", "manual"} {
			strategy_judged(tier, strategy, allowed)
		}
	}
}

strategy_judged(tier, strategy, allowed) if {
	strategy in allowed
	count(rule.deny) == 0 with input as design(tier, strategy)
}

strategy_judged(tier, strategy, allowed) if {
	not strategy in allowed
	{f.path | some f in rule.deny} == {"deployment.strategy"} with input as design(tier, strategy)
}

test_blue_green_fails_at_tier_0 if {
	some f in rule.deny with input as design(0, "blue-green")
	contains(f.msg, "should use canary")
}

test_override_of_the_strategies if {
	count(rule.deny) == 0 with input as design(0, "blue-green")
		with data.archvet.params as {"PR440": {"allowed_strategies": [["canary", "blue-green"], ["canary", "blue-green"], ["canary"], ["canary"]]}}
}

test_rolling_tier2_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"deployment": {"strategy": "rolling"},
	}
}

test_rolling_tier1_fails if {
	findings := rule.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 1},
		"deployment": {"strategy": "rolling"},
	}
	count(findings) == 1
	some f in findings
	f.path == "deployment.strategy"
}

test_recreate_fails if {
	some f in rule.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"deployment": {"strategy": "recreate"},
	}
	f.path == "deployment.strategy"
	contains(f.msg, "recreate")
}

test_manual_fails if {
	some f in rule.deny with input as {"deployment": {"strategy": "manual"}}
	f.path == "deployment.strategy"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"deployment": {}}
	contains(f.msg, "does not say")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}
