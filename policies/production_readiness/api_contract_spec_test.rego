package archvet.rules.production_readiness.api_contract_spec_test

import rego.v1

import data.archvet.rules.production_readiness.api_contract_spec

test_spec_passes if {
	count(api_contract_spec.deny) == 0 with input as {"apis": [
		{"name": "orders", "spec": "api/openapi.yaml"},
		{"name": "stock", "spec": "proto/stock.proto"},
	]}
}

test_missing_spec_fails if {
	findings := api_contract_spec.deny with input as {"apis": [
		{"name": "orders", "spec": "api/openapi.yaml"},
		{"name": "stock"},
		{"name": "admin", "spec": ""},
	]}
	{f.path | some f in findings} == {"apis[2].spec"}
	{f.path | some f in api_contract_spec.unanswered} == {"apis[1].spec"} with input as {"apis": [
		{"name": "orders", "spec": "api/openapi.yaml"},
		{"name": "stock"},
	]}
	api_contract_spec.applicable with input as {"apis": [{"name": "stock"}]}
}

test_no_apis_not_applicable if {
	not api_contract_spec.applicable with input as {"service": {"name": "worker"}}
}
