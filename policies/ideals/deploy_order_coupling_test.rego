package archvet.rules.ideals.deploy_order_coupling_test

import rego.v1

import data.archvet.rules.ideals.deploy_order_coupling

test_no_ordering_passes if {
	count(deploy_order_coupling.deny) == 0 with input as {"dependencies": [
		{"name": "payments", "deploy_before": false},
		{"name": "search"},
	]}
}

test_ordering_fails if {
	findings := deploy_order_coupling.deny with input as {"dependencies": [
		{"name": "search"},
		{"name": "payments", "deploy_before": true},
	]}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].deploy_before"
}

test_no_dependencies_not_applicable if {
	not deploy_order_coupling.applicable with input as {"service": {"name": "x"}}
}
