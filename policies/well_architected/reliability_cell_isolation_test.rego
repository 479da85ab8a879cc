package archvet.rules.well_architected.reliability_cell_isolation_test

import rego.v1

import data.archvet.rules.well_architected.reliability_cell_isolation as rule

test_cells_pass if {
	count(rule.deny) == 0 with input as {"deployment": {"cells": 2}}
}

test_single_cell_fails if {
	case_input := {"deployment": {"cells": 0}}
	rule.applicable with input as case_input
	findings := rule.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "deployment.cells"
	contains(f.msg, "single cell")
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"deployment": {"platform": "kubernetes"}}
	f.path == "deployment.cells"
}

test_tier_1_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 1}}
}
