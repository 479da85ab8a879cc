package archvet.rules.well_architected.sec_network_acls_test

import rego.v1

import data.archvet.rules.well_architected.sec_network_acls

test_acls_pass if {
	count(sec_network_acls.deny) == 0 with input as {"security": {"network_acls": true}}
}

test_open_network_fails if {
	findings := sec_network_acls.deny with input as {"security": {"network_acls": false}}
	count(findings) == 1
	some f in findings
	f.path == "security.network_acls"
}

test_unstated_fails if {
	some f in sec_network_acls.unanswered with input as {}
	f.path == "security.network_acls"
}
