package archvet.rules.production_readiness.api_pagination_test

import rego.v1

import data.archvet.rules.production_readiness.api_pagination

test_bounded_pages_pass if {
	count(api_pagination.deny) == 0 with input as {"apis": [
		{"name": "orders", "pagination": "cursor", "max_page_size": 1000},
		{"name": "health", "pagination": "not-needed"},
	]}
}

test_unpaginated_fails if {
	findings := api_pagination.deny with input as {"apis": [
		{"name": "orders", "pagination": "cursor", "max_page_size": 100},
		{"name": "reports", "pagination": "none"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "apis[1].pagination"
}

test_unbounded_page_size_fails if {
	findings := api_pagination.deny with input as {"apis": [
		{"name": "orders", "pagination": "offset"},
		{"name": "reports", "pagination": "cursor", "max_page_size": 1001},
		{"name": "zero", "pagination": "cursor", "max_page_size": 0},
	]}
	{f.path | some f in findings} == {"apis[1].max_page_size", "apis[2].max_page_size"}
	{f.path | some f in api_pagination.unanswered} == {"apis[0].max_page_size"} with input as {"apis": [
		{"name": "orders", "pagination": "offset"},
	]}
}

test_unstated_fails if {
	api_pagination.applicable with input as {"apis": [{"name": "orders"}]}
	some f in api_pagination.unanswered with input as {"apis": [{"name": "orders"}]}
	f.path == "apis[0].pagination"
}

test_no_apis_not_applicable if {
	not api_pagination.applicable with input as {"service": {"name": "worker"}}
}

test_override if {
	count(api_pagination.deny) == 1 with input as {"apis": [{"name": "o", "pagination": "cursor", "max_page_size": 101}]}
		with data.archvet.params as {"PR100": {"max_page_size": [100, 100, 100, 100]}}
}
