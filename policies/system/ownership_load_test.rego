package archvet.system.ownership_load_test

import rego.v1

import data.archvet.system.ownership_load

at(service) := {"file": sprintf("%s/design.yaml", [service]), "line": 8, "column": 9}

case(tier, tier0, rotations) := {
	"service": {"name": "orders", "owner": "team-orders", "tier": tier},
	"_system": {"owner": {
		"team": "team-orders",
		"tier0_services": [{"service": s, "file": sprintf("%s/design.yaml", [s]), "at": at(s)} | some s in tier0],
		"rotations": rotations,
	}},
}

test_team_with_too_many_tier0_services_fails if {
	inp := case(0, ["inventory", "orders", "payments"], ["a"])
	ownership_load.applicable with input as inp
	findings := ownership_load.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "service.owner"
	f.msg == "team team-orders owns 3 tier 0 services (inventory, orders, payments); one team can carry at most 2"
	f.related == [
		{"msg": "inventory is another tier 0 service of team-orders", "at": at("inventory")},
		{"msg": "payments is another tier 0 service of team-orders", "at": at("payments")},
	]
}

test_tier0_limit_boundary if {
	count(ownership_load.deny) == 0 with input as case(0, ["orders", "payments"], ["a"])
}

test_only_tier0_reviews_answer_for_tier0_load if {
	count(ownership_load.deny) == 0 with input as case(1, ["inventory", "ledger", "payments"], ["a"])
}

test_team_with_too_many_rotations_fails if {
	count(ownership_load.deny) == 0 with input as case(2, [], ["a", "b"])
	findings := ownership_load.deny with input as case(2, [], ["a", "b", "c"])
	count(findings) == 1
	some f in findings
	f.path == "operations.on_call.rotation"
	f.msg == "team team-orders staffs 3 on-call rotations (a, b, c); one team can staff at most 2"
}

test_override if {
	count(ownership_load.deny) == 2 with input as case(0, ["orders", "payments"], ["a", "b"])
		with data.archvet.params as {"SY011": {"max_tier0_services": [1, 1, 1, 1], "max_rotations": [1, 1, 1, 1]}}
}

test_alone_or_ownerless_not_applicable if {
	not ownership_load.applicable with input as object.remove(case(0, [], []), ["_system"])
	not ownership_load.applicable with input as {"_system": {"owner": {"team": null, "tier0_services": [], "rotations": []}}}
}
