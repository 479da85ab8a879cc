package archvet.rules.claims.autoscaling_test

import rego.v1

import data.archvet.rules.claims.autoscaling as rule

at(line) := {"file": "deploy/checkout.yaml", "line": line, "column": 1}

review := {
	"service": {"name": "checkout"},
	"processes": {"scaling": {"autoscaling": true, "max_replicas": 60, "autoscaling_metric": "requests-per-second"}},
}

deployment := {"kind": "Deployment", "name": "checkout", "at": at(1), "facts": {}}

hpa(facts) := {"name": "checkout-hpa", "target": "Deployment/checkout", "at": at(40), "facts": facts}

with_k8s(autoscalers, skipped) := object.union(review, {"_artefacts": {"kubernetes": {
	"workloads": [deployment],
	"autoscalers": autoscalers,
	"skipped": skipped,
}}})

status(claims, path) := [c.status | some c in claims; c.path == path][0]

matching := hpa({"max_replicas": {"value": 60, "at": at(44)}, "metrics": {"value": ["http_requests_per_second"], "at": at(46)}})

test_matching_autoscaler_verifies_every_claim if {
	inp := with_k8s([matching], [])
	claims := rule.claims with input as inp
	count(claims) == 3
	every c in claims {
		c.status == "verified"
	}
	count(rule.deny) == 0 with input as inp
}

test_missing_autoscaler_contradicts if {
	inp := with_k8s([], [])
	findings := rule.deny with input as inp
	findings == {{
		"msg": "processes.scaling.autoscaling says true, but no HorizontalPodAutoscaler in the manifests targets Deployment/checkout",
		"path": "processes.scaling.autoscaling",
		"at": at(1),
		"related": [],
	}}
	claims := rule.claims with input as inp
	status(claims, "processes.scaling.max_replicas") == "unverified"
}

test_fixed_size_claim_agrees_with_no_autoscaler if {
	inp := json.patch(with_k8s([], []), [{"op": "replace", "path": "/processes/scaling/autoscaling", "value": false}])
	claims := rule.claims with input as inp
	status(claims, "processes.scaling.autoscaling") == "verified"
	contradicted := json.patch(with_k8s([matching], []), [{"op": "replace", "path": "/processes/scaling/autoscaling", "value": false}])
	some f in rule.deny with input as contradicted
	f.msg == "processes.scaling.autoscaling says false, but HorizontalPodAutoscaler checkout-hpa targets Deployment/checkout"
}

test_skipped_helm_template_may_hold_the_autoscaler if {
	inp := with_k8s([], [{"file": "deploy/chart/templates/hpa.yaml", "reason": "Helm template"}])
	claims := rule.claims with input as inp
	status(claims, "processes.scaling.autoscaling") == "unverified"
}

test_other_ceiling_and_metric_contradict if {
	inp := with_k8s([hpa({"max_replicas": {"value": 20, "at": at(44)}, "metrics": {"value": ["cpu", "memory"], "at": at(46)}})], [])
	findings := rule.deny with input as inp
	count(findings) == 2
	some f in findings
	f.msg == "processes.scaling.max_replicas says 60, but HorizontalPodAutoscaler checkout-hpa sets maxReplicas to 20"
	f.at == at(44)
	some g in findings
	g.msg == "processes.scaling.autoscaling_metric says requests-per-second, but HorizontalPodAutoscaler checkout-hpa scales on cpu, memory"
	g.at == at(46)
}

test_metric_named_inside_the_claim_matches if {
	inp := json.patch(with_k8s([hpa({"metrics": {"value": ["cpu"], "at": at(46)}})], []), [{
		"op": "replace", "path": "/processes/scaling/autoscaling_metric", "value": "cpu-utilisation",
	}])
	claims := rule.claims with input as inp
	status(claims, "processes.scaling.autoscaling_metric") == "verified"
}

test_expression_ceiling_stays_unverified if {
	inp := with_k8s([hpa({"max_replicas": {"unknown": true, "expression": "{{ .Values.max }}", "at": at(44)}})], [])
	claims := rule.claims with input as inp
	status(claims, "processes.scaling.max_replicas") == "unverified"
	status(claims, "processes.scaling.autoscaling") == "verified"
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
	every c in claims {
		c.status == "unverified"
	}
}

test_one_claim_is_enough_to_apply if {
	rule.applicable with input as object.union({"processes": {"scaling": {"autoscaling": false}}}, {"_artefacts": {"kubernetes": {}}})
}

test_no_scaling_claims_not_applicable if {
	not rule.applicable with input as {"processes": {"scaling": {"min_replicas": 3}}}
}
