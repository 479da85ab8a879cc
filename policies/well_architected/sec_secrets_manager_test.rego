package archvet.rules.well_architected.sec_secrets_manager_test

import rego.v1

import data.archvet.rules.well_architected.sec_secrets_manager

test_vault_passes if {
	count(sec_secrets_manager.deny) == 0 with input as {"config": {"secrets": {"store": "vault"}}}
}

test_environment_fails if {
	case_input := {"config": {"secrets": {"store": "environment"}}}
	sec_secrets_manager.applicable with input as case_input
	findings := sec_secrets_manager.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "config.secrets.store"
}

test_kubernetes_secrets_fail_for_tier_1 if {
	some f in sec_secrets_manager.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 1},
		"config": {"secrets": {"store": "kubernetes-secrets"}},
	}
	f.path == "config.secrets.store"
}

test_kubernetes_secrets_pass_for_tier_2 if {
	count(sec_secrets_manager.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"config": {"secrets": {"store": "kubernetes-secrets"}},
	}
}

test_environment_passes_for_tier_3 if {
	count(sec_secrets_manager.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 3},
		"config": {"secrets": {"store": "environment"}},
	}
}

test_repository_left_to_tf007 if {
	not sec_secrets_manager.applicable with input as {"config": {"secrets": {"store": "repository"}}}
}

test_secrets_manager_applicable_and_passes if {
	sec_secrets_manager.applicable with input as {"config": {"secrets": {"store": "vault"}}}
	count(sec_secrets_manager.deny) == 0 with input as {"config": {"secrets": {"store": "vault"}}}
}
