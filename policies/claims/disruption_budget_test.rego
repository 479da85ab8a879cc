package archvet.rules.claims.disruption_budget_test

import rego.v1

import data.archvet.rules.claims.disruption_budget as rule

at(line) := {"file": "deploy/checkout.yaml", "line": line, "column": 1}

review := {
	"service": {"name": "checkout"},
	"processes": {"scaling": {"min_replicas": 6}},
	"deployment": {"disruption_budget": {"max_unavailable": 1}},
}

deployment := {"kind": "Deployment", "name": "checkout", "at": at(1), "facts": {}}

with_budgets(budgets) := object.union(review, {"_artefacts": {"kubernetes": {"workloads": [deployment], "disruption_budgets": budgets}}})

pdb(name, facts) := {"name": name, "at": at(60), "facts": facts}

status(claims) := [c.status | some c in claims][0]

test_matching_budget_verifies if {
	inp := with_budgets([pdb("checkout", {"max_unavailable": {"value": 1, "at": at(66)}})])
	rule.claims == {{"path": "deployment.disruption_budget.max_unavailable", "status": "verified", "claimed": 1, "observed": 1, "at": at(66)}} with input as inp
	count(rule.deny) == 0 with input as inp
}

test_looser_budget_contradicts if {
	inp := with_budgets([pdb("checkout", {"max_unavailable": {"value": 3, "at": at(66)}})])
	rule.deny == {{
		"msg": "deployment.disruption_budget.max_unavailable says 1, but PodDisruptionBudget checkout sets maxUnavailable to 3",
		"path": "deployment.disruption_budget.max_unavailable",
		"at": at(66),
		"related": [],
	}} with input as inp
}

test_min_available_is_read_against_the_claimed_replicas if {
	five := with_budgets([pdb("checkout-pdb", {"min_available": {"value": 5, "at": at(66)}})])
	status(rule.claims) == "verified" with input as five
	four := with_budgets([pdb("checkout-pdb", {"min_available": {"value": 4, "at": at(66)}})])
	some f in rule.deny with input as four
	f.msg == concat("", [
		"deployment.disruption_budget.max_unavailable says 1, but PodDisruptionBudget checkout-pdb sets minAvailable to 4,",
		" which lets 2 of the 6 replicas go at once",
	])
}

test_budget_named_like_the_workload_is_chosen if {
	inp := with_budgets([
		pdb("relay", {"max_unavailable": {"value": 3, "at": at(66)}}),
		pdb("Checkout", {"max_unavailable": {"value": 1, "at": at(76)}}),
	])
	status(rule.claims) == "verified" with input as inp
}

test_budget_selecting_the_pods_is_chosen if {
	labelled := object.union(
		with_budgets([
			{"name": "web", "selector": {"app": "checkout"}, "at": at(60), "facts": {"max_unavailable": {"value": 1, "at": at(66)}}},
			{"name": "batch", "selector": {"app": "batch"}, "at": at(70), "facts": {"max_unavailable": {"value": 3, "at": at(76)}}},
		]),
		{"_artefacts": {"kubernetes": {"workloads": [object.union(deployment, {"labels": {"app": "checkout", "tier": "web"}})]}}},
	)
	status(rule.claims) == "verified" with input as labelled
}

test_uncovered_workload_contradicts if {
	inp := with_budgets([pdb("relay", {"max_unavailable": {"value": 1, "at": at(66)}}), pdb("worker", {})])
	skipped := object.union(inp, {"_artefacts": {"kubernetes": {"skipped": [{"file": "deploy/chart/pdb.yaml", "reason": "Helm template"}]}}})
	status(rule.claims) == "unverified" with input as skipped
	some f in rule.deny with input as inp
	f.msg == "deployment.disruption_budget.max_unavailable says 1, but no PodDisruptionBudget in the manifests covers Deployment checkout"
	f.at == at(1)
}

test_percentage_and_expression_stay_unverified if {
	percent := with_budgets([pdb("checkout", {"max_unavailable": {"value": "25%", "at": at(66)}})])
	status(rule.claims) == "unverified" with input as percent
	expression := with_budgets([pdb("checkout", {"max_unavailable": {"unknown": true, "expression": "{{ .Values.pdb }}", "at": at(66)}})])
	claims := rule.claims with input as expression
	claims == {{"path": "deployment.disruption_budget.max_unavailable", "status": "unverified", "claimed": 1, "observed": null, "at": at(66)}}
}

test_without_kubernetes_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# Manifests were read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"kubernetes": {}}})

test_when_nothing_speaks_the_claim_is_unverified if {
	rule.applicable with input as nothing_read
	status(rule.claims) == "unverified" with input as nothing_read
	count(rule.deny) == 0 with input as nothing_read
}

test_no_budget_claim_not_applicable if {
	not rule.applicable with input as {"deployment": {"platform": "kubernetes"}}
}
