package archvet.rules.well_architected.sec_admin_access_test

import rego.v1

import data.archvet.rules.well_architected.sec_admin_access

test_bastion_passes if {
	count(sec_admin_access.deny) == 0 with input as {"security": {"admin_access": "bastion"}}
}

test_public_ssh_fails if {
	findings := sec_admin_access.deny with input as {"security": {"admin_access": "public-ssh"}}
	count(findings) == 1
	some f in findings
	f.path == "security.admin_access"
}

test_unstated_fails_on_vms if {
	some f in sec_admin_access.unanswered with input as {"deployment": {"platform": "vm"}}
	f.path == "security.admin_access"
}

test_unstated_passes_on_serverless if {
	count(sec_admin_access.deny) == 0 with input as {"deployment": {"platform": "serverless"}}
}
