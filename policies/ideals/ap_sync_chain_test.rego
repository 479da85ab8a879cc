package archvet.rules.ideals.ap_sync_chain_test

import rego.v1

import data.archvet.rules.ideals.ap_sync_chain

test_short_soft_chain_passes if {
	count(ap_sync_chain.deny) == 0 with input as {
		"consistency": {"cap": "AP"},
		"dependencies": [
			{"name": "pricing", "interaction": "sync", "criticality": "soft", "call_depth": 3},
			{"name": "inventory", "interaction": "async", "criticality": "hard", "call_depth": 6},
		],
	}
}

test_deep_chain_fails if {
	findings := ap_sync_chain.deny with input as {
		"consistency": {"cap": "AP"},
		"dependencies": [
			{"name": "inventory", "interaction": "async"},
			{"name": "pricing", "criticality": "soft", "call_depth": 4},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].call_depth"
}

test_hard_sync_dependency_fails if {
	findings := ap_sync_chain.deny with input as {
		"consistency": {"cap": "AP"},
		"dependencies": [{"name": "payments", "interaction": "sync", "criticality": "hard"}],
	}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[0].criticality"
}

test_cp_not_applicable if {
	not ap_sync_chain.applicable with input as {
		"consistency": {"cap": "CP"},
		"dependencies": [{"name": "payments", "criticality": "hard"}],
	}
}
