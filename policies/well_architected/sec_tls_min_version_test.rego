package archvet.rules.well_architected.sec_tls_min_version_test

import rego.v1

import data.archvet.rules.well_architected.sec_tls_min_version

test_tls_13_passes if {
	count(sec_tls_min_version.deny) == 0 with input as {"security": {"tls": {"external": true, "min_version": "1.3"}}}
}

test_tls_10_fails if {
	case_input := {"security": {"tls": {"external": true, "min_version": "1.0"}}}
	sec_tls_min_version.applicable with input as case_input
	findings := sec_tls_min_version.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "security.tls.min_version"
}

test_unquoted_version_read_as_number if {
	some f in sec_tls_min_version.deny with input as {"security": {"tls": {"internal": "tls", "min_version": 1.1}}}
	f.path == "security.tls.min_version"
	contains(f.msg, "1.1")
}

test_unquoted_12_passes if {
	count(sec_tls_min_version.deny) == 0 with input as {"security": {"tls": {"internal": "tls", "min_version": 1.2}}}
}

test_missing_version_fails_for_public_api if {
	some f in sec_tls_min_version.unanswered with input as {"apis": [{"name": "a", "exposure": "public"}]}
	f.path == "security.tls.min_version"
}

test_no_tls_not_applicable if {
	not sec_tls_min_version.applicable with input as {"security": {"tls": {"internal": "none"}}}
}

test_min_version_boundary if {
	count(sec_tls_min_version.deny) == 0 with input as {"security": {"tls": {"external": true, "min_version": "1.2"}}}
	{f.path | some f in sec_tls_min_version.deny} == {"security.tls.min_version"} with input as {"security": {"tls": {"external": true, "min_version": "1.1"}}}
	count(sec_tls_min_version.deny) == 0 with input as {"security": {"tls": {"external": true, "min_version": 1.3}}}
}

test_min_version_override if {
	count(sec_tls_min_version.deny) == 1 with input as {"security": {"tls": {"external": true, "min_version": "1.2"}}}
		with data.archvet.params as {"WA303": {"min_tls_version": [1.3, 1.3, 1.3, 1.3]}}
}
