package archvet.rules.well_architected.sec_service_authentication_test

import rego.v1

import data.archvet.rules.well_architected.sec_service_authentication

test_jwt_passes if {
	count(sec_service_authentication.deny) == 0 with input as {
		"apis": [{"name": "a"}],
		"security": {"service_auth": "jwt"},
	}
}

test_mtls_transport_counts if {
	count(sec_service_authentication.deny) == 0 with input as {
		"dependencies": [{"name": "d"}],
		"security": {"tls": {"internal": "mtls"}},
	}
}

test_none_fails if {
	findings := sec_service_authentication.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 1},
		"apis": [{"name": "a"}],
		"security": {"service_auth": "none", "tls": {"internal": "tls"}},
	}
	count(findings) == 1
	some f in findings
	f.path == "security.service_auth"
}

test_unstated_fails if {
	some f in sec_service_authentication.deny with input as {"dependencies": [{"name": "d"}]}
	f.path == "security.service_auth"
}

test_tier_2_not_applicable if {
	not sec_service_authentication.applicable with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"apis": [{"name": "a"}],
	}
}
