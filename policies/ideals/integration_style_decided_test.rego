package archvet.rules.ideals.integration_style_decided_test

import rego.v1

import data.archvet.rules.ideals.integration_style_decided

test_decided_passes if {
	count(integration_style_decided.deny) == 0 with input as {
		"dependencies": [{"name": "payments"}],
		"decisions": [{"id": "ADR-2", "title": "sync", "topic": "integration-style", "status": "accepted"}],
	}
}

test_async_in_use_passes if {
	count(integration_style_decided.deny) == 0 with input as {"dependencies": [
		{"name": "payments"},
		{"name": "email", "interaction": "async"},
	]}
}

test_undecided_all_sync_fails if {
	case_input := {
		"dependencies": [{"name": "payments"}, {"name": "search", "interaction": "sync"}],
		"decisions": [{"id": "ADR-1", "title": "style", "topic": "integration-style", "status": "rejected"}],
	}
	integration_style_decided.applicable with input as case_input
	findings := integration_style_decided.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "decisions"
}

test_no_dependencies_not_applicable if {
	not integration_style_decided.applicable with input as {"apis": [{"name": "public"}]}
}

test_sync_over_kafka_fails if {
	inp := {"service": {"tier": 3}, "dependencies": [
		{"name": "pricing", "interaction": "sync", "protocol": "grpc"},
		{"name": "ledger", "interaction": "sync", "protocol": "kafka"},
	]}
	{f.path | some f in integration_style_decided.deny} == {"dependencies[1].interaction"} with input as inp
}

test_async_over_kafka_passes if {
	case44 := {"service": {"tier": 3}, "dependencies": [{"name": "ledger", "interaction": "async", "protocol": "kafka"}]}
	count(integration_style_decided.deny) == 0 with input as case44
}
