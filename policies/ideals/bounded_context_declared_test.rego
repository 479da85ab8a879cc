package archvet.rules.ideals.bounded_context_declared_test

import rego.v1

import data.archvet.rules.ideals.bounded_context_declared

test_one_context_passes if {
	count(bounded_context_declared.deny) == 0 with input as {"service": {"name": "orders", "bounded_context": "order-management"}}
}

test_missing_context_fails if {
	findings := bounded_context_declared.unanswered with input as {"service": {"name": "orders"}}
	count(findings) == 1
	some f in findings
	f.path == "service.bounded_context"
}

test_several_contexts_fail if {
	some f in bounded_context_declared.deny with input as {"service": {"name": "orders", "bounded_context": "ordering and billing"}}
	f.path == "service.bounded_context"
	contains(f.msg, "several")
}

test_comma_separated_contexts_fail if {
	some f in bounded_context_declared.deny with input as {"service": {"name": "orders", "bounded_context": "ordering, shipping"}}
	f.path == "service.bounded_context"
}

# Bug 15: a slash inside a context's name is not a list of contexts.
test_slash_inside_a_name_is_one_context if {
	count(bounded_context_declared.deny) == 0 with input as {"service": {"bounded_context": "search/discovery"}}
}

test_and_between_names_is_two_contexts if {
	{f.path | some f in bounded_context_declared.deny} == {"service.bounded_context"} with input as {"service": {"bounded_context": "ordering and billing"}}
}

test_plus_between_names_is_two_contexts if {
	count(bounded_context_declared.deny) == 1 with input as {"service": {"bounded_context": "ordering + billing"}}
}
