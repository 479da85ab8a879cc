package archvet.system.data_store_ownership_test

import rego.v1

import data.archvet.system.data_store_ownership

other_at := {"file": "shipping/design.yaml", "line": 70, "column": 5}

case(store, other) := {
	"data_stores": [{"name": "cache"}, object.union({"name": "stock-db"}, store)],
	"_system": {"data_stores": [
		{"others": []},
		{"others": [object.union({"service": "shipping", "file": "shipping/design.yaml", "index": 0, "at": other_at}, other)]},
	]},
}

test_store_claimed_exclusive_twice_fails if {
	inp := case({"ownership": "exclusive"}, {"ownership": "exclusive"})
	data_store_ownership.applicable with input as inp
	findings := data_store_ownership.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].ownership"
	f.msg == "data store \"stock-db\" is claimed exclusive by this review and by the review of shipping"
	f.related == [{"msg": "shipping claims \"stock-db\" exclusive here", "at": other_at}]
}

test_store_shared_without_saying_so_fails if {
	count(data_store_ownership.deny) == 1 with input as case({"ownership": "shared", "shared_with": ["billing"]}, {"ownership": "shared"})
	count(data_store_ownership.deny) == 1 with input as case({}, {})
	findings := data_store_ownership.deny with input as case({"ownership": "exclusive"}, {"ownership": "shared", "shared_with": ["orders"]})
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].shared_with"
	f.related == [{"msg": "shipping uses \"stock-db\" here", "at": other_at}]
}

test_store_shared_and_listed_passes if {
	inp := case({"ownership": "shared", "shared_with": ["shipping"]}, {"ownership": "shared", "shared_with": ["orders"]})
	count(data_store_ownership.deny) == 0 with input as inp
}

test_queues_are_judged_only_for_double_exclusive_claims if {
	count(data_store_ownership.deny) == 0 with input as case({"kind": "queue"}, {"ownership": "shared"})
	count(data_store_ownership.deny) == 0 with input as case({"kind": "stream", "ownership": "shared"}, {})
	count(data_store_ownership.deny) == 1 with input as case({"kind": "queue", "ownership": "exclusive"}, {"ownership": "exclusive"})
}

test_store_nobody_else_names_passes if {
	inp := {"data_stores": [{"name": "a", "ownership": "exclusive"}], "_system": {"data_stores": [{"others": []}]}}
	data_store_ownership.applicable with input as inp
	count(data_store_ownership.deny) == 0 with input as inp
}

test_alone_not_applicable if {
	not data_store_ownership.applicable with input as object.remove(case({}, {}), ["_system"])
	not data_store_ownership.applicable with input as {"_system": {"data_stores": []}}
}

test_many_rivals_one_finding_with_a_short_message if {
	others := [o |
		some i in numbers.range(1, 8)
		o := {
			"service": sprintf("svc%d", [i]), "file": "x.yaml", "index": 0,
			"ownership": "exclusive", "at": {"file": "x.yaml", "line": i, "column": 3},
		}
	]
	findings := data_store_ownership.deny with input as {
		"data_stores": [{"name": "db", "kind": "relational", "ownership": "exclusive"}],
		"_system": {"data_stores": [{"others": others}]},
	}
	count(findings) == 1
	some f in findings
	f.msg == "data store \"db\" is claimed exclusive by this review and by the review of svc1, svc2, svc3, svc4, svc5 and 3 more"
	count(f.related) == 8
}
