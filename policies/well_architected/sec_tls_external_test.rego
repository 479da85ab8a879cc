package archvet.rules.well_architected.sec_tls_external_test

import rego.v1

import data.archvet.rules.well_architected.sec_tls_external

test_tls_passes if {
	count(sec_tls_external.deny) == 0 with input as {
		"apis": [{"name": "shop", "exposure": "public"}],
		"security": {"tls": {"external": true}},
	}
}

test_plaintext_fails if {
	case_input := {
		"apis": [{"name": "shop", "exposure": "public"}],
		"security": {"tls": {"external": false}},
	}
	sec_tls_external.applicable with input as case_input
	findings := sec_tls_external.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "security.tls.external"
	contains(f.msg, "shop")
}

test_unstated_fails_for_mobile_clients if {
	some f in sec_tls_external.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 2, "clients": [{"name": "app", "kind": "mobile"}]}}
	f.path == "security.tls.external"
}

test_internal_only_not_applicable if {
	not sec_tls_external.applicable with input as {"apis": [{"name": "rpc", "exposure": "internal"}]}
}
