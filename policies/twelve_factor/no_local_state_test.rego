package archvet.rules.twelve_factor.no_local_state_test

import rego.v1

import data.archvet.rules.twelve_factor.no_local_state as rule

test_local_cache_only_passes if {
	count(rule.deny) == 0 with input as {"processes": {"local_state": ["cache"]}}
}

test_absent_list_passes if {
	count(rule.deny) == 0 with input as {"processes": {"stateless": true}}
}

test_each_lasting_state_is_a_finding if {
	findings := rule.deny with input as {"processes": {"local_state": ["cache", "sessions", "queue"]}}
	count(findings) == 2
	{f.path | some f in findings} == {"processes.local_state[1]", "processes.local_state[2]"}
}

test_message_names_the_kind if {
	some f in rule.deny with input as {"processes": {"local_state": ["uploads"]}}
	f.path == "processes.local_state[0]"
	startswith(f.msg, "uploads are kept locally")
}
