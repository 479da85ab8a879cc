package archvet.rules.well_architected.sec_edge_protection_test

import rego.v1

import data.archvet.rules.well_architected.sec_edge_protection

test_protected_edge_passes if {
	count(sec_edge_protection.deny) == 0 with input as {
		"apis": [{"name": "shop", "exposure": "public"}],
		"security": {"edge": {"waf": true, "ddos_protection": true}},
	}
}

test_missing_waf_fails if {
	case_input := {
		"apis": [{"name": "shop", "exposure": "public"}],
		"security": {"edge": {"waf": false, "ddos_protection": true}},
	}
	sec_edge_protection.applicable with input as case_input
	findings := sec_edge_protection.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "security.edge.waf"
	contains(f.msg, "shop")
}

test_unstated_edge_gives_two_findings if {
	findings := sec_edge_protection.unanswered with input as {"apis": [{"name": "shop", "exposure": "public"}]}
	count(findings) == 2
	{f.path | some f in findings} == {"security.edge.waf", "security.edge.ddos_protection"}
}

test_internal_api_not_applicable if {
	not sec_edge_protection.applicable with input as {"apis": [{"name": "rpc", "exposure": "internal"}]}
}
