package archvet.system.unreviewed_dependencies_test

import rego.v1

import data.archvet.system.unreviewed_dependencies

callee_at := {"file": "payments/design.yaml", "line": 8, "column": 9}

case(tier, kind, reviewed) := {
	"service": {"name": "orders", "tier": tier},
	"dependencies": [{"name": "pricing", "kind": "internal-service"}, object.union({"name": "tax"}, kind)],
	"_system": {"dependencies": [
		{"name": "pricing", "reviewed": true, "callee": {"name": "pricing", "at": callee_at}},
		{"name": "tax", "reviewed": reviewed, "callee": {"name": "tax", "at": callee_at}},
	]},
}

test_unreviewed_in_house_dependency_is_unanswered if {
	inp := case(0, {"kind": "internal-service"}, false)
	unreviewed_dependencies.applicable with input as inp
	count(unreviewed_dependencies.deny) == 0 with input as inp
	findings := unreviewed_dependencies.unanswered with input as inp
	{f.path | some f in findings} == {"dependencies[1].name"}
	some f in findings
	startswith(f.msg, "the design does not say what \"tax\" promises")
}

test_unstated_kind_counts_as_in_house if {
	count(unreviewed_dependencies.unanswered) == 1 with input as case(1, {}, false)
}

test_third_party_or_managed_unreviewed_passes if {
	count(unreviewed_dependencies.unanswered) == 0 with input as case(0, {"kind": "third-party"}, false)
	count(unreviewed_dependencies.unanswered) == 0 with input as case(0, {"kind": "managed-service"}, false)
	count(unreviewed_dependencies.deny) == 0 with input as case(0, {"kind": "managed-service"}, false)
}

test_reviewed_dependency_declared_third_party_fails if {
	count(unreviewed_dependencies.unanswered) == 0 with input as case(0, {"kind": "internal-service"}, true)
	findings := unreviewed_dependencies.deny with input as case(0, {"kind": "third-party"}, true)
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].kind"
	f.msg == "dependency \"tax\" is declared third-party, but its design review is part of the system"
	f.related == [{"msg": "tax is reviewed here", "at": callee_at}]
}

test_tier_2_and_3_not_applicable if {
	unreviewed_dependencies.applicable with input as case(1, {}, false)
	not unreviewed_dependencies.applicable with input as case(2, {}, false)
	not unreviewed_dependencies.applicable with input as case(3, {}, false)
}

test_alone_not_applicable if {
	not unreviewed_dependencies.applicable with input as object.remove(case(0, {}, false), ["_system"])
	not unreviewed_dependencies.applicable with input as {"service": {"tier": 0}, "_system": {"dependencies": []}}
}

test_one_dependency_applicable if {
	unreviewed_dependencies.applicable with input as {"service": {"tier": 0}, "dependencies": [{"name": "a"}], "_system": {"dependencies": []}}
}
