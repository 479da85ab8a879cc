package archvet.rules.production_readiness.data_self_run_store_test

import rego.v1

import data.archvet.rules.production_readiness.data_self_run_store as rule

design(tier, stores, decisions) := {
	"service": {"name": "orders", "owner": "t", "tier": tier},
	"data_stores": stores,
	"decisions": decisions,
}

self_run := {"name": "orders-db", "kind": "relational", "engine": "PostgreSQL", "managed": false}

managed := {"name": "orders-db", "kind": "relational", "engine": "PostgreSQL", "managed": true}

adr(status, text) := {"id": "ADR-3", "title": "Storage", "status": status, "decision": text}

paths(findings) := {f.path | some f in findings}

# says holds when one of the findings' messages contains text.
says(findings, text) if {
	some f in findings
	contains(f.msg, text)
}

test_applicability if {
	rule.applicable with input as design(1, [managed], [])
	not rule.applicable with input as design(2, [self_run], [])
	not rule.applicable with input as design(0, [{"name": "sessions", "kind": "cache", "managed": false}], [])
	not rule.applicable with input as design(0, [], [])
}

test_managed_store_passes if {
	count(rule.deny) == 0 with input as design(0, [managed], [])
	count(rule.unanswered) == 0 with input as design(0, [managed], [])
}

test_self_run_store_without_decision_fails_at_tiers_0_and_1 if {
	every tier in [0, 1] {
		paths(rule.deny) == {"data_stores[1].managed"} with input as design(tier, [managed, self_run], [])
		says(rule.deny, `"orders-db" is run by the team itself`) with input as design(tier, [managed, self_run], [])
	}
}

test_accepted_decision_naming_the_store_explains_it if {
	inp := design(0, [self_run], [adr("accepted", "Run orders-db ourselves on the data-centre cluster: the data may not leave it")])
	count(rule.deny) == 0 with input as inp
}

# A decision that is not agreed, or that names only the engine (the
# checkout decision "use managed PostgreSQL" does not justify running
# PostgreSQL yourself), explains nothing.
test_other_decisions_do_not_explain_it if {
	every d in [
		adr("proposed", "Run orders-db ourselves"),
		{"id": "ADR-4", "title": "Run orders-db ourselves"},
		adr("superseded", "Run orders-db ourselves"),
		adr("accepted", "Use managed PostgreSQL"),
	] {
		paths(rule.deny) == {"data_stores[0].managed"} with input as design(0, [self_run], [d])
	}
}

test_decision_is_matched_in_its_title_and_context if {
	every d in [
		{"id": "ADR-5", "status": "accepted", "title": "Self-run Orders-DB"},
		{"id": "ADR-5", "status": "accepted", "context": "orders-db holds card data that must stay on our hardware"},
	] {
		count(rule.deny) == 0 with input as design(1, [self_run], [d])
	}
}

test_unstated_is_an_open_question if {
	inp := design(0, [{"name": "orders-db", "kind": "relational"}, managed], [])
	paths(rule.unanswered) == {"data_stores[0].managed"} with input as inp
	count(rule.deny) == 0 with input as inp
	some f in rule.unanswered with input as inp
	contains(f.msg, "who runs data store \"orders-db\"")
}

test_nameless_store_is_reported_by_position if {
	some f in rule.deny with input as design(0, [{"kind": "relational", "managed": false}], [])
	contains(f.msg, `"#0"`)
}
