package archvet.rules.ideals.automated_deployment_test

import rego.v1

import data.archvet.rules.ideals.automated_deployment

test_pipeline_passes if {
	count(automated_deployment.deny) == 0 with input as {"deployment": {"automated": true, "strategy": "rolling"}}
}

test_manual_fails if {
	findings := automated_deployment.deny with input as {"deployment": {"automated": false, "strategy": "manual"}}
	paths := {f.path | some f in findings}
	paths == {"deployment.automated", "deployment.strategy"}
}

test_unstated_fails if {
	some f in automated_deployment.deny with input as {"service": {"name": "x"}}
	f.path == "deployment.automated"
}
