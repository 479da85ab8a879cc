package archvet.rules.production_readiness.slo_owner_test

import rego.v1

import data.archvet.rules.production_readiness.slo_owner as rule

test_owned_slos_pass if {
	count(rule.deny) == 0 with input as {"slos": [{"name": "avail", "owner": "team-a"}]}
}

test_unowned_slo_fails if {
	findings := rule.unanswered with input as {"slos": [{"name": "avail", "owner": "team-a"}, {"name": "lat"}]}
	count(findings) == 1
	some f in findings
	f.path == "slos[1].owner"
	contains(f.msg, "lat")
}

test_no_slos_not_applicable if {
	not rule.applicable with input as {"slos": []}
}

test_empty_owner_fails if {
	{f.path | some f in rule.deny} == {"slos[0].owner"} with input as {"slos": [{"name": "avail", "owner": ""}]}
}

test_cover_applicable if {
	rule.applicable with input as {"slos": [{"name": "availability"}]}
}
