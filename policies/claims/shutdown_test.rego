package archvet.rules.claims.shutdown_test

import rego.v1

import data.archvet.rules.claims.shutdown as rule

at(line) := {"file": "deploy/checkout.yaml", "line": line, "column": 7}

review := {
	"service": {"name": "checkout"},
	"processes": {"shutdown": {"graceful": true, "drain_seconds": 25, "pre_stop_seconds": 5, "grace_period_seconds": 30}},
}

with_facts(facts) := object.union(review, {"_artefacts": {"kubernetes": {"workloads": [
	{"kind": "Deployment", "name": "checkout", "at": at(1), "facts": facts},
]}}})

status(claims, path) := [c.status | some c in claims; c.path == path][0]

test_matching_grace_and_pre_stop_verify if {
	inp := with_facts({"termination_grace_seconds": {"value": 30, "at": at(20)}, "pre_stop": {"value": 5, "at": at(28)}})
	claims := rule.claims with input as inp
	count(claims) == 3
	every c in claims {
		c.status == "verified"
	}
	count(rule.deny) == 0 with input as inp
}

test_short_grace_period_contradicts_grace_and_drain if {
	inp := with_facts({"termination_grace_seconds": {"value": 29, "at": at(20)}, "pre_stop": {"value": 5, "at": at(28)}})
	findings := rule.deny with input as inp
	count(findings) == 2
	some f in findings
	f.path == "processes.shutdown.drain_seconds"
	f.at == at(20)
	f.msg == concat("", [
		"processes.shutdown.drain_seconds says 25, but Deployment checkout sets terminationGracePeriodSeconds to 29,",
		" which leaves 24 s to drain after the 5 s pre-stop delay",
	])
	some g in findings
	g.msg == "processes.shutdown.grace_period_seconds says 30, but Deployment checkout sets terminationGracePeriodSeconds to 29"
}

test_drain_is_judged_without_a_pre_stop_claim if {
	inp := json.remove(with_facts({"termination_grace_seconds": {"value": 25, "at": at(20)}}), ["processes/shutdown/pre_stop_seconds"])
	claims := rule.claims with input as inp
	status(claims, "processes.shutdown.drain_seconds") == "verified"
	status(claims, "processes.shutdown.grace_period_seconds") == "contradicted"
}

test_longer_grace_period_still_fits_the_drain if {
	inp := with_facts({"termination_grace_seconds": {"value": 31, "at": at(20)}})
	claims := rule.claims with input as inp
	status(claims, "processes.shutdown.drain_seconds") == "verified"
	status(claims, "processes.shutdown.grace_period_seconds") == "contradicted"
}

test_pre_stop_hook_differs if {
	other := with_facts({"pre_stop": {"value": 2, "at": at(28)}})
	none := with_facts({"pre_stop": {"value": false, "at": at(1)}})
	some f in rule.deny with input as other
	f.msg == "processes.shutdown.pre_stop_seconds says 5, but Deployment checkout waits 2 s in its preStop hook"
	some g in rule.deny with input as none
	g.msg == "processes.shutdown.pre_stop_seconds says 5, but Deployment checkout has no preStop hook"
}

test_hook_without_a_plain_delay_counts_when_one_is_claimed if {
	hook := with_facts({"pre_stop": {"value": true, "at": at(28)}})
	status(rule.claims, "processes.shutdown.pre_stop_seconds") == "verified" with input as hook
	one_second := json.patch(hook, [{"op": "replace", "path": "/processes/shutdown/pre_stop_seconds", "value": 1}])
	status(rule.claims, "processes.shutdown.pre_stop_seconds") == "verified" with input as one_second
	no_delay := json.patch(hook, [{"op": "replace", "path": "/processes/shutdown/pre_stop_seconds", "value": 0}])
	some f in rule.deny with input as no_delay
	f.msg == "processes.shutdown.pre_stop_seconds says 0, but Deployment checkout has a preStop hook"
}

test_expression_stays_unverified if {
	inp := with_facts({"termination_grace_seconds": {"unknown": true, "expression": "{{ .Values.grace }}", "at": at(20)}})
	claims := rule.claims with input as inp
	status(claims, "processes.shutdown.grace_period_seconds") == "unverified"
	status(claims, "processes.shutdown.drain_seconds") == "unverified"
	count(rule.deny) == 0 with input as inp
}

test_without_kubernetes_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# Manifests were read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"kubernetes": {}}})

test_when_nothing_speaks_the_claims_are_unverified if {
	rule.applicable with input as nothing_read
	claims := rule.claims with input as nothing_read
	count(claims) == 3
	status(claims, "processes.shutdown.pre_stop_seconds") == "unverified"
}

test_one_claim_is_enough_to_apply if {
	rule.applicable with input as object.union({"processes": {"shutdown": {"drain_seconds": 10}}}, {"_artefacts": {"kubernetes": {}}})
}

test_no_shutdown_numbers_not_applicable if {
	not rule.applicable with input as {"processes": {"shutdown": {"graceful": true}}}
}
