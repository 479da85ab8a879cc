package archvet.rules.twelve_factor.environments_deployed_by_pipeline_test

import rego.v1

import data.archvet.rules.twelve_factor.environments_deployed_by_pipeline as rule

test_pipeline_everywhere_passes if {
	count(rule.deny) == 0 with input as {"environments": [
		{"name": "local", "kind": "development", "deployed_by": "manual"},
		{"name": "staging", "kind": "staging", "deployed_by": "pipeline"},
		{"name": "production", "kind": "production", "deployed_by": "pipeline"},
	]}
}

test_manual_and_unknown_fail_per_environment if {
	findings := rule.deny with input as {"environments": [
		{"name": "staging", "kind": "staging", "deployed_by": "pipeline"},
		{"name": "production", "kind": "production", "deployed_by": "manual"},
		{"name": "perf"},
	]}
	count(findings) == 2
	{f.path | some f in findings} == {"environments[1].deployed_by", "environments[2].deployed_by"}
}

test_not_applicable_with_only_developer_environments if {
	not rule.applicable with input as {"environments": [{"name": "local", "kind": "development"}]}
}
