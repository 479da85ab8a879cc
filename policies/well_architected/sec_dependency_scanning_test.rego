package archvet.rules.well_architected.sec_dependency_scanning_test

import rego.v1

import data.archvet.rules.well_architected.sec_dependency_scanning

test_scanning_passes if {
	count(sec_dependency_scanning.deny) == 0 with input as {"build": {"dependency_scanning": true}}
}

test_no_scanning_fails if {
	findings := sec_dependency_scanning.deny with input as {"build": {"dependency_scanning": false}}
	count(findings) == 1
	some f in findings
	f.path == "build.dependency_scanning"
}

test_unstated_fails if {
	some f in sec_dependency_scanning.unanswered with input as {"build": {"ci": true}}
	f.path == "build.dependency_scanning"
}
