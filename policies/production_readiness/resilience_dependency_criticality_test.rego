package archvet.rules.production_readiness.resilience_dependency_criticality_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_dependency_criticality as rule

test_classified_dependencies_pass if {
	count(rule.deny) == 0 with input as {"dependencies": [
		{"name": "payments", "criticality": "hard"},
		{"name": "recommendations", "criticality": "soft", "interaction": "async"},
	]}
}

test_unclassified_dependency_fails if {
	findings := rule.unanswered with input as {"dependencies": [
		{"name": "payments", "criticality": "hard"},
		{"name": "ledger", "interaction": "async"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].criticality"
	contains(f.msg, "ledger")
}

test_no_dependencies_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

test_cover_applicable if {
	rule.applicable with input as {"dependencies": [{"name": "payments"}]}
}
