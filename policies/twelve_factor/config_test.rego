package archvet.rules.twelve_factor.config_test

import rego.v1

import data.archvet.rules.twelve_factor.config

test_environment_passes if {
	count(config.deny) == 0 with input as {"config": {"source": "environment"}}
}

test_baked_in_config_fails if {
	some f in config.deny with input as {"config": {"source": "files-in-artifact"}}
	f.path == "config.source"
}

test_missing_source_fails if {
	some f in config.unanswered with input as {"service": {"name": "x"}}
	f.path == "config.source"
}
