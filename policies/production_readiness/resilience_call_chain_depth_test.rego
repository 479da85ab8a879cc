package archvet.rules.production_readiness.resilience_call_chain_depth_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_call_chain_depth as rule

test_shallow_chains_pass if {
	count(rule.deny) == 0 with input as {"dependencies": [
		{"name": "payments", "call_depth": 3},
		{"name": "ledger", "call_depth": 1},
		{"name": "audit", "interaction": "async", "call_depth": 7},
	]}
}

test_deep_chain_fails if {
	findings := rule.deny with input as {"dependencies": [
		{"name": "payments", "call_depth": 2},
		{"name": "pricing", "interaction": "sync", "call_depth": 5},
	]}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].call_depth"
	contains(f.msg, "5 synchronous hops")
}

test_no_depth_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "payments"}]}
}
