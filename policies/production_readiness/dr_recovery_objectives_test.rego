package archvet.rules.production_readiness.dr_recovery_objectives_test

import rego.v1

import data.archvet.rules.production_readiness.dr_recovery_objectives as rule

design(tier, rto, rpo) := {
	"service": {"name": "x", "owner": "t", "tier": tier},
	"disaster_recovery": {"rto_minutes": rto, "rpo_minutes": rpo},
}

paths(findings) := {f.path | some f in findings}

test_missing_objectives_are_open_questions if {
	findings := rule.unanswered with input as {"service": {"name": "x", "owner": "t", "tier": 3}}
	paths(findings) == {"disaster_recovery.rto_minutes", "disaster_recovery.rpo_minutes"}
	every f in findings {
		startswith(f.msg, "the design does not")
	}
	count(rule.deny) == 0 with input as {"service": {"name": "x", "owner": "t", "tier": 3}}
}

# Boundary at each tier: the ceiling passes, one minute more fails.
rto_ceilings := [30, 180, 360, 1440]

rpo_ceilings := [15, 60, 1440, 1440]

test_rto_ceiling_at_each_tier if {
	every tier, ceiling in rto_ceilings {
		count(rule.deny) == 0 with input as design(tier, ceiling, 1)
		paths(rule.deny) == {"disaster_recovery.rto_minutes"} with input as design(tier, ceiling + 1, 1)
	}
}

test_rpo_ceiling_at_each_tier if {
	every tier, ceiling in rpo_ceilings {
		count(rule.deny) == 0 with input as design(tier, 1, ceiling)
		paths(rule.deny) == {"disaster_recovery.rpo_minutes"} with input as design(tier, 1, ceiling + 1)
	}
}

# Bug 6: the old 60-minute tier-0 ceiling exceeded the 43-minute budget of a
# 99.9% SLO over 30 days.
test_tier_0_rto_inside_the_error_budget if {
	some f in rule.deny with input as design(0, 60, 5)
	f.path == "disaster_recovery.rto_minutes"
	contains(f.msg, "30 minutes")
}

test_override_raises_the_ceiling if {
	count(rule.deny) == 0 with input as design(0, 45, 5)
		with data.archvet.params as {"PR305": {"max_rto_minutes": [45, 180, 360, 1440]}}
}
