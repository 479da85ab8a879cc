package archvet.rules.ideals.client_specific_apis_test

import rego.v1

import data.archvet.rules.ideals.client_specific_apis

test_one_api_per_kind_passes if {
	count(client_specific_apis.deny) == 0 with input as {
		"service": {"clients": [
			{"name": "storefront", "kind": "web", "api": "web-bff"},
			{"name": "shop-app", "kind": "mobile", "api": "mobile-bff"},
		]},
		"apis": [{"name": "web-bff"}, {"name": "mobile-bff"}],
	}
}

test_shared_api_fails if {
	case_input := {
		"service": {"clients": [
			{"name": "storefront", "kind": "web", "api": "public"},
			{"name": "acme", "kind": "partner"},
		]},
		"apis": [{"name": "internal"}, {"name": "public", "clients": ["acme"]}],
	}
	client_specific_apis.applicable with input as case_input
	findings := client_specific_apis.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "apis[1].clients"
}

test_single_api_is_inferred if {
	some f in client_specific_apis.deny with input as {
		"service": {"clients": [
			{"name": "storefront", "kind": "web"},
			{"name": "shop-app", "kind": "mobile"},
		]},
		"apis": [{"name": "public"}],
	}
	f.path == "apis[0].clients"
}

test_one_kind_not_applicable if {
	not client_specific_apis.applicable with input as {
		"service": {"clients": [
			{"name": "a", "kind": "web"},
			{"name": "b", "kind": "web"},
		]},
		"apis": [{"name": "public"}],
	}
}
