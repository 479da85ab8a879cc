package archvet.rules.claims.replicas_test

import rego.v1

import data.archvet.rules.claims.replicas as rule

at(line) := {"file": "deploy/checkout.yaml", "line": line, "column": 1}

review := {"service": {"name": "checkout"}, "processes": {"scaling": {"min_replicas": 6}}}

deployment(name, replicas) := {"kind": "Deployment", "name": name, "at": at(1), "facts": {"replicas": replicas}}

hpa(target, minimum) := {"name": "checkout", "target": target, "at": at(40), "facts": {"min_replicas": minimum}}

with_k8s(workloads, autoscalers) := object.union(review, {"_artefacts": {"kubernetes": {"workloads": workloads, "autoscalers": autoscalers}}})

status(claims) := [c.status | some c in claims][0]

test_autoscaler_minimum_verifies if {
	inp := with_k8s([deployment("checkout", {"value": 2, "at": at(8)})], [hpa("Deployment/checkout", {"value": 6, "at": at(45)})])
	claims := rule.claims with input as inp
	claims == {{"path": "processes.scaling.min_replicas", "status": "verified", "claimed": 6, "observed": 6, "at": at(45)}}
	count(rule.deny) == 0 with input as inp
}

test_autoscaler_below_the_claim_contradicts if {
	inp := with_k8s([deployment("checkout", {"value": 6, "at": at(8)})], [hpa("Deployment/checkout", {"value": 5, "at": at(45)})])
	findings := rule.deny with input as inp
	findings == {{
		"msg": "processes.scaling.min_replicas says 6, but HorizontalPodAutoscaler checkout sets minReplicas to 5",
		"path": "processes.scaling.min_replicas",
		"at": at(45),
		"related": [],
	}}
}

test_deployment_replicas_count_without_an_autoscaler if {
	one := with_k8s([deployment("checkout", {"value": 1, "at": at(8)})], [hpa("Deployment/other", {"value": 6, "at": at(45)})])
	seven := with_k8s([deployment("checkout", {"value": 7, "at": at(8)})], [])
	status(rule.claims) == "verified" with input as seven
	some f in rule.deny with input as one
	f.msg == "processes.scaling.min_replicas says 6, but Deployment checkout sets replicas to 1"
	f.at == at(8)
}

test_only_workload_is_the_service if {
	inp := with_k8s([deployment("web", {"value": 6, "at": at(8)})], [])
	status(rule.claims) == "verified" with input as inp
}

test_other_workloads_among_several_do_not_speak if {
	inp := with_k8s([deployment("web", {"value": 1, "at": at(8)}), deployment("worker", {"value": 1, "at": at(20)})], [])
	claims := rule.claims with input as inp
	claims == {{"path": "processes.scaling.min_replicas", "status": "unverified", "claimed": 6, "observed": null, "at": null}}
}

test_expression_count_stays_unverified if {
	inp := with_k8s([deployment("checkout", {"unknown": true, "expression": "{{ .Values.replicas }}", "at": at(8)})], [])
	claims := rule.claims with input as inp
	some c in claims
	c.status == "unverified"
	c.at == at(8)
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

test_no_claim_not_applicable if {
	not rule.applicable with input as {"service": {"name": "checkout"}, "processes": {"scaling": {"horizontal": true}}}
}
