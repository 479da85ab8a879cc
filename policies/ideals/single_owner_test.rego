package archvet.rules.ideals.single_owner_test

import rego.v1

import data.archvet.rules.ideals.single_owner

test_single_team_passes if {
	count(single_owner.deny) == 0 with input as {"service": {"name": "orders", "owner": "checkout-team"}}
}

test_two_teams_fail if {
	findings := single_owner.deny with input as {"service": {"name": "orders", "owner": "checkout and billing"}}
	count(findings) == 1
	some f in findings
	f.path == "service.owner"
}

test_comma_list_fails if {
	some f in single_owner.deny with input as {"service": {"name": "orders", "owner": "checkout, billing"}}
	f.path == "service.owner"
}

test_missing_owner_fails if {
	some f in single_owner.unanswered with input as {"service": {"name": "orders"}}
	f.path == "service.owner"
	contains(f.msg, "does not say")
}

# Bug 15: an ampersand inside a team's name is not a list of teams.
test_ampersand_inside_a_name_is_one_owner if {
	count(single_owner.deny) == 0 with input as {"service": {"owner": "R&D platform"}}
}

test_ampersand_between_names_is_two_owners if {
	{f.path | some f in single_owner.deny} == {"service.owner"} with input as {"service": {"owner": "payments & checkout"}}
}

test_semicolon_list_is_two_owners if {
	count(single_owner.deny) == 1 with input as {"service": {"owner": "payments;checkout"}}
}
