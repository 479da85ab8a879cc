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

# Formerly ID011: an AP service waiting on a hard synchronous dependency.
test_ap_with_hard_sync_dependency_fails if {
	inp := {"consistency": {"cap": "AP"}, "dependencies": [
		{"name": "pricing", "criticality": "hard"},
		{"name": "stock", "criticality": "hard", "fallback": "cached-response"},
		{"name": "events", "criticality": "hard", "interaction": "async"},
		{"name": "reco", "criticality": "soft"},
	]}
	rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"dependencies[0].criticality"} with input as inp
	count(rule.deny) == 0 with input as {"consistency": {"cap": "CP"}, "dependencies": [{"name": "pricing", "criticality": "hard", "call_depth": 1}]}
}

test_override if {
	count(rule.deny) == 1 with input as {"dependencies": [{"name": "a", "call_depth": 3}]}
		with data.archvet.params as {"PR215": {"max_call_depth": [2, 2, 2, 2]}}
}

test_cover_applicable if {
	rule.applicable with input as {"dependencies": [{"name": "payments", "call_depth": 2}]}
}

test_cap_unstated_with_hard_dependency_is_unanswered if {
	inp := {"dependencies": [{"name": "pricing", "criticality": "hard"}]}
	rule.applicable with input as inp
	{f.path | some f in rule.unanswered} == {"consistency.cap"} with input as inp
}

test_ap_without_dependencies_is_unanswered if {
	rule.applicable with input as {"consistency": {"cap": "AP"}}
	{f.path | some f in rule.unanswered} == {"dependencies"} with input as {"consistency": {"cap": "AP"}}
}

test_ap_dependency_without_criticality_is_unanswered if {
	inp := {"consistency": {"cap": "AP"}, "dependencies": [{"name": "pricing"}, {"name": "cache", "fallback": "cached-response"}]}
	{f.path | some f in rule.unanswered} == {"dependencies[0].criticality"} with input as inp
	count(rule.deny) == 0 with input as inp
}
