package archvet.rules.well_architected.sec_internal_traffic_encryption_test

import rego.v1

import data.archvet.rules.well_architected.sec_internal_traffic_encryption

test_tls_passes if {
	count(sec_internal_traffic_encryption.deny) == 0 with input as {
		"data_stores": [{"name": "db"}],
		"security": {"tls": {"internal": "tls"}},
	}
}

test_plaintext_fails if {
	case_input := {
		"dependencies": [{"name": "inventory"}],
		"security": {"tls": {"internal": "none"}},
	}
	sec_internal_traffic_encryption.applicable with input as case_input
	findings := sec_internal_traffic_encryption.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "security.tls.internal"
}

test_unstated_fails if {
	some f in sec_internal_traffic_encryption.unanswered with input as {"apis": [{"name": "a"}]}
	f.path == "security.tls.internal"
}

test_isolated_service_not_applicable if {
	not sec_internal_traffic_encryption.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}
