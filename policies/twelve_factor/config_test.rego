package archvet.rules.twelve_factor.config_test

import rego.v1

import data.archvet.rules.twelve_factor.config as rule

test_environment_config_validated_passes if {
	inp := {"config": {"source": "environment", "validated_at_startup": true}}
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_baked_in_config_fails if {
	{f.path | some f in rule.deny} == {"config.source"} with input as {"config": {"source": "files-in-artifact", "validated_at_startup": true}}
	{f.path | some f in rule.deny} == {"config.source"} with input as {"config": {"source": "hardcoded"}}
}

test_unvalidated_external_config_fails if {
	{f.path | some f in rule.deny} == {"config.validated_at_startup"} with input as {"config": {"source": "config-service", "validated_at_startup": false}}
}

test_silence_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"config.source", "config.validated_at_startup"} with input as {}
	count(rule.deny) == 0 with input as {}
}
