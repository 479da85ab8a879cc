package archvet.rules.twelve_factor.codebase_deploys_test

import rego.v1

import data.archvet.rules.twelve_factor.codebase_deploys as rule

design(deploys, environments) := {
	"codebase": {"repository": "https://git.example.com/orders", "deploys": deploys},
	"environments": environments,
}

staging := {"name": "staging", "kind": "staging"}

production := {"name": "Production", "kind": "production"}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as design(["staging"], [])
	not rule.applicable with input as design([], [staging])
	not rule.applicable with input as {"environments": [staging]}
}

test_matching_lists_pass if {
	inp := design(["staging", "production"], [staging, production, {"name": "laptop", "kind": "development"}])
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_deploy_without_environment_fails if {
	findings := rule.deny with input as design(["staging", "perf", "production"], [staging, production])
	paths(findings) == {"codebase.deploys[1]"}
	some f in findings
	contains(f.msg, `deploy "perf"`)
}

test_environment_the_codebase_does_not_deploy_fails if {
	findings := rule.deny with input as design(["production"], [staging, production])
	paths(findings) == {"environments[0].name"}
	some f in findings
	contains(f.msg, `environment "staging" is not a deploy`)
}

# A developer environment need not be listed, but one of unknown kind must.
test_only_development_is_exempt if {
	count(rule.deny) == 0 with input as design(["production"], [production, {"name": "dev", "kind": "development"}])
	paths(rule.deny) == {"environments[1].name"} with input as design(["production"], [production, {"name": "eu-main"}])
}

test_no_environments_is_an_open_question if {
	paths(rule.unanswered) == {"environments"} with input as design(["staging", "production"], [])
	count(rule.deny) == 0 with input as design(["staging", "production"], [])
}

test_one_environment_is_checked if {
	paths(rule.deny) == {"codebase.deploys[0]", "environments[0].name"} with input as design(["staging"], [production])
}
