package archvet.rules.well_architected.sec_secret_rotation_test

import rego.v1

import data.archvet.rules.well_architected.sec_secret_rotation

test_monthly_rotation_passes if {
	count(sec_secret_rotation.deny) == 0 with input as {"config": {"secrets": {"store": "vault", "rotation_days": 30}}}
}

test_yearly_rotation_fails if {
	case_input := {"config": {"secrets": {"store": "vault", "rotation_days": 365}}}
	sec_secret_rotation.applicable with input as case_input
	findings := sec_secret_rotation.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "config.secrets.rotation_days"
}

test_yearly_rotation_passes_for_tier_3 if {
	count(sec_secret_rotation.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 3},
		"config": {"secrets": {"store": "vault", "rotation_days": 365}},
	}
}

test_unstated_rotation_fails if {
	some f in sec_secret_rotation.unanswered with input as {"config": {"secrets": {"store": "vault"}}}
	f.path == "config.secrets.rotation_days"
}

test_no_secrets_not_applicable if {
	not sec_secret_rotation.applicable with input as {"config": {"secrets": {"store": "none"}}}
}

test_rotation_limit_at_each_tier if {
	every tier, limit in [30, 60, 90, 365] {
		count(sec_secret_rotation.deny) == 0 with input as {"service": {"tier": tier}, "config": {"secrets": {"store": "vault", "rotation_days": limit}}}
		case37 := {"service": {"tier": tier}, "config": {"secrets": {"store": "vault", "rotation_days": limit + 1}}}
		{f.path | some f in sec_secret_rotation.deny} == {"config.secrets.rotation_days"} with input as case37
	}
}

test_rotation_override if {
	count(sec_secret_rotation.deny) == 1 with input as {"service": {"tier": 3}, "config": {"secrets": {"store": "vault", "rotation_days": 20}}}
		with data.archvet.params as {"WA307": {"max_rotation_days": [7, 7, 7, 7]}}
}
