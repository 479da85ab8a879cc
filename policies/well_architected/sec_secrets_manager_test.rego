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

test_environment_secrets_fail_at_tier_2 if {
	count(sec_secrets_manager.deny) == 1 with input as {"service": {"tier": 2}, "config": {"secrets": {"store": "environment"}}}
}

design(tier, store) := {
	"service": {"name": "s", "owner": "t", "tier": tier},
	"config": {"secrets": {"store": store}},
}

# The stores each tier accepts: a manager everywhere, Kubernetes secrets
# from tier 2, the environment at tier 3.
test_accepted_stores_at_each_tier if {
	every tier in [0, 1, 2, 3] {
		count(sec_secrets_manager.deny) == 0 with input as design(tier, "aws-secrets-manager")
	}
	every tier in [0, 1] {
		count(sec_secrets_manager.deny) == 1 with input as design(tier, "kubernetes-secrets")
	}
	every tier in [0, 1, 2] {
		count(sec_secrets_manager.deny) == 1 with input as design(tier, "environment")
	}
	count(sec_secrets_manager.deny) == 0 with input as design(3, "kubernetes-secrets")
}

test_override_narrows_the_managers if {
	findings := sec_secrets_manager.deny with input as design(1, "aws-secrets-manager")
		with data.archvet.params as {"WA306": {"accepted_stores": [["vault"], ["vault"], ["vault"], ["vault"]]}}
	some f in findings
	contains(f.msg, "accepted: vault")
}
