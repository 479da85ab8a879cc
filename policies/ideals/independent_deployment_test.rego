package archvet.rules.ideals.independent_deployment_test

import rego.v1

import data.archvet.rules.ideals.independent_deployment

test_independent_passes if {
	count(independent_deployment.deny) == 0 with input as {"deployment": {"independent": true}}
}

test_joint_release_fails if {
	findings := independent_deployment.deny with input as {"deployment": {"independent": false}}
	count(findings) == 1
	some f in findings
	f.path == "deployment.independent"
}

test_unstated_fails if {
	some f in independent_deployment.deny with input as {"deployment": {"automated": true}}
	f.path == "deployment.independent"
	contains(f.msg, "does not say")
}
