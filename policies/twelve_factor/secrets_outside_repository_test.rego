package archvet.rules.twelve_factor.secrets_outside_repository_test

import rego.v1

import data.archvet.rules.twelve_factor.secrets_outside_repository as rule

test_secret_manager_passes if {
	count(rule.deny) == 0 with input as {"config": {"secrets": {"store": "aws-secrets-manager", "in_repository": false}}}
}

test_no_secrets_passes if {
	count(rule.deny) == 0 with input as {"config": {"secrets": {"store": "none"}}}
}

test_committed_secret_fails if {
	findings := rule.deny with input as {"config": {"secrets": {"store": "vault", "in_repository": true}}}
	count(findings) == 1
	some f in findings
	f.path == "config.secrets.in_repository"
}

test_config_files_store_fails if {
	some f in rule.deny with input as {"config": {"secrets": {"store": "config-files"}}}
	f.path == "config.secrets.store"
	contains(f.msg, "config-files")
}

test_repository_store_and_flag_both_reported if {
	findings := rule.deny with input as {"config": {"secrets": {"store": "repository", "in_repository": true}}}
	{f.path | some f in findings} == {"config.secrets.store", "config.secrets.in_repository"}
}

test_missing_store_fails if {
	some f in rule.unanswered with input as {"config": {"source": "environment"}}
	f.path == "config.secrets.store"
	contains(f.msg, "does not say")
}
