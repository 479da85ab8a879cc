package archvet.rules.ideals.automated_deployment_test

import rego.v1

import data.archvet.rules.ideals.automated_deployment

test_pipeline_passes if {
	count(automated_deployment.deny) == 0 with input as {
		"deployment": {"automated": true, "strategy": "rolling"},
		"environments": [
			{"name": "dev", "kind": "development", "deployed_by": "manual"},
			{"name": "prod", "kind": "production", "deployed_by": "pipeline"},
		],
	}
}

test_manual_fails if {
	findings := automated_deployment.deny with input as {"deployment": {"automated": false, "strategy": "manual"}}
	paths := {f.path | some f in findings}
	paths == {"deployment.automated", "deployment.strategy"}
}

test_manual_production_environment_fails if {
	findings := automated_deployment.deny with input as {
		"deployment": {"automated": true},
		"environments": [
			{"name": "staging", "kind": "staging", "deployed_by": "pipeline"},
			{"name": "prod", "kind": "production", "deployed_by": "manual"},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "environments[1].deployed_by"
}

test_unstated_fails if {
	some f in automated_deployment.deny with input as {"service": {"name": "x"}}
	f.path == "deployment.automated"
}
