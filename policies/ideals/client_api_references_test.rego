package archvet.rules.ideals.client_api_references_test

import rego.v1

import data.archvet.rules.ideals.client_api_references

test_consistent_references_pass if {
	count(client_api_references.deny) == 0 with input as {
		"service": {"clients": [
			{"name": "storefront", "kind": "web", "api": "web-bff"},
			{"name": "acme", "kind": "partner"},
		]},
		"apis": [{"name": "web-bff"}, {"name": "partner", "clients": ["acme"]}],
	}
}

test_unknown_api_fails if {
	case_input := {
		"service": {"clients": [{"name": "storefront", "kind": "web", "api": "ghost"}]},
		"apis": [{"name": "web-bff"}],
	}
	client_api_references.applicable with input as case_input
	findings := client_api_references.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "service.clients[0].api"
}

test_missing_link_and_kind_fail if {
	inp := {
		"service": {"clients": [{"name": "storefront"}]},
		"apis": [{"name": "web-bff", "clients": ["storefront", "ghost"]}],
	}
	{f.path | some f in client_api_references.unanswered} == {"service.clients[0].kind"} with input as inp
	{f.path | some f in client_api_references.deny} == {"apis[0].clients[1]"} with input as inp
}

test_unlinked_client_fails if {
	some f in client_api_references.unanswered with input as {
		"service": {"clients": [{"name": "storefront", "kind": "web"}]},
		"apis": [{"name": "web-bff"}],
	}
	f.path == "service.clients[0].api"
}

test_no_clients_not_applicable if {
	not client_api_references.applicable with input as {"apis": [{"name": "web-bff"}]}
}
