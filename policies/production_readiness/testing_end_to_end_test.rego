package archvet.rules.production_readiness.testing_end_to_end_test

import rego.v1

import data.archvet.rules.production_readiness.testing_end_to_end as rule

staging := {"name": "staging", "kind": "staging"}

production := {"name": "production", "kind": "production"}

design(tier, e2e, environments) := {
	"service": {"name": "orders", "owner": "t", "tier": tier},
	"apis": [{"name": "orders-api"}],
	"dependencies": [{"name": "payments"}, {"name": "mailer", "interaction": "async"}],
	"build": {"tests": {"end_to_end": e2e}},
	"environments": environments,
}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as design(1, true, [])
	rule.applicable with input as {"dependencies": [{"name": "payments"}]}
	not rule.applicable with input as design(2, false, [])
	not rule.applicable with input as {"service": {"tier": 0}, "dependencies": [{"name": "mailer", "interaction": "async"}]}
}

test_tests_run_in_staging_pass if {
	every tier in [0, 1] {
		count(rule.deny) == 0 with input as design(tier, true, [staging, production])
		count(rule.unanswered) == 0 with input as design(tier, true, [staging, production])
	}
	count(rule.deny) == 0 with input as design(0, true, [{"name": "per-change", "kind": "test"}, production])
}

test_no_end_to_end_tests_fail if {
	findings := rule.deny with input as design(0, false, [staging, production])
	paths(findings) == {"build.tests.end_to_end"}
	some f in findings
	contains(f.msg, "1 api(s) and 1 synchronous dependenc(ies)")
}

test_message_names_only_what_the_service_has if {
	some f in rule.deny with input as {"dependencies": [{"name": "a"}, {"name": "b"}], "build": {"tests": {"end_to_end": false}}}
	contains(f.msg, "service's 2 synchronous dependenc(ies) before")
}

test_unstated_is_an_open_question if {
	inp := {"service": {"tier": 1}, "apis": [{"name": "a"}], "build": {"tests": {"unit": true}}}
	paths(rule.unanswered) == {"build.tests.end_to_end"} with input as inp
	count(rule.deny) == 0 with input as inp
}

# Said to run, with only development and production environments: a
# contradiction, reported at the flag with the environments beside it.
test_end_to_end_without_a_place_to_run_fails if {
	findings := rule.deny with input as design(0, true, [{"name": "laptop", "kind": "development"}, production])
	paths(findings) == {"build.tests.end_to_end"}
	some f in findings
	f.related == [{"msg": "the environments, none of them test or staging", "path": "environments"}]
}

test_where_they_run_unknown_is_an_open_question if {
	inp := design(0, true, [{"name": "eu-main"}, production])
	paths(rule.unanswered) == {"environments[0].kind"} with input as inp
	count(rule.deny) == 0 with input as inp
	paths(rule.unanswered) == {"environments"} with input as design(0, true, [])
	count(rule.deny) == 0 with input as design(0, true, [])
}

test_a_single_development_environment_is_nowhere_to_run if {
	paths(rule.deny) == {"build.tests.end_to_end"} with input as design(1, true, [{"name": "laptop", "kind": "development"}])
}
