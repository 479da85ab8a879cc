package archvet.rules.well_architected.sec_secret_rotation_test

import rego.v1

import data.archvet.rules.well_architected.sec_secret_rotation

test_monthly_rotation_passes if {
	count(sec_secret_rotation.deny) == 0 with input as {"config": {"secrets": {"store": "vault", "rotation_days": 30}}}
}

test_yearly_rotation_fails if {
	findings := sec_secret_rotation.deny with input as {"config": {"secrets": {"store": "vault", "rotation_days": 365}}}
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
