package archvet.rules.well_architected.sec_sbom_test

import rego.v1

import data.archvet.rules.well_architected.sec_sbom

test_sbom_passes if {
	count(sec_sbom.deny) == 0 with input as {"build": {"artifact": {"sbom": true}}}
}

test_no_sbom_fails if {
	case_input := {"build": {"artifact": {"sbom": false}}}
	sec_sbom.applicable with input as case_input
	findings := sec_sbom.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "build.artifact.sbom"
}

test_unstated_fails if {
	some f in sec_sbom.unanswered with input as {}
	f.path == "build.artifact.sbom"
}

test_tier_3_not_applicable if {
	not sec_sbom.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}
