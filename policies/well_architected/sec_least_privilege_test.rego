package archvet.rules.well_architected.sec_least_privilege_test

import rego.v1

import data.archvet.rules.well_architected.sec_least_privilege

test_least_privilege_passes if {
	count(sec_least_privilege.deny) == 0 with input as {"security": {"least_privilege": true}}
}

test_broad_permissions_fail if {
	findings := sec_least_privilege.deny with input as {"security": {"least_privilege": false}}
	count(findings) == 1
	some f in findings
	f.path == "security.least_privilege"
}

test_unstated_fails if {
	some f in sec_least_privilege.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
	f.path == "security.least_privilege"
}
