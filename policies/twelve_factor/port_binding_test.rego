package archvet.rules.twelve_factor.port_binding_test

import rego.v1

import data.archvet.rules.twelve_factor.port_binding as rule

test_self_contained_port_passes if {
	count(rule.deny) == 0 with input as {
		"apis": [{"name": "orders"}],
		"processes": {"port_binding": {"self_contained": true, "port": 8080}},
	}
}

test_injected_server_fails if {
	findings := rule.deny with input as {
		"apis": [{"name": "orders"}],
		"processes": {"port_binding": {"self_contained": false, "port": 8080}},
	}
	count(findings) == 1
	some f in findings
	f.path == "processes.port_binding.self_contained"
}

test_missing_binding_fails_twice if {
	findings := rule.unanswered with input as {"apis": [{"name": "orders"}]}
	{f.path | some f in findings} == {"processes.port_binding.self_contained", "processes.port_binding.port"}
}

test_not_applicable_to_pure_worker if {
	not rule.applicable with input as {"events": {"consumes": [{"name": "order-placed"}]}}
}

test_not_applicable_on_serverless if {
	not rule.applicable with input as {
		"apis": [{"name": "orders"}],
		"deployment": {"platform": "serverless"},
	}
}

test_applicable_with_clients if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0, "clients": [{"name": "web"}]}}
}
