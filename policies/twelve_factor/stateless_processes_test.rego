package archvet.rules.twelve_factor.stateless_processes_test

import rego.v1

import data.archvet.rules.twelve_factor.stateless_processes as rule

good := {"stateless": true, "local_state": ["cache"], "sticky_sessions": false}

test_stateless_passes if {
	count(rule.deny) == 0 with input as {"processes": good}
	count(rule.unanswered) == 0 with input as {"processes": good}
}

test_stateful_flag_fails if {
	{f.path | some f in rule.deny} == {"processes.stateless"} with input as {"processes": object.union(good, {"stateless": false})}
}

test_local_sessions_fail_even_when_flag_says_stateless if {
	findings := rule.deny with input as {"processes": object.union(good, {"local_state": ["cache", "sessions", "uploads"]})}
	{f.path | some f in findings} == {"processes.local_state[1]", "processes.local_state[2]"}
}

test_sticky_sessions_fail if {
	{f.path | some f in rule.deny} == {"processes.sticky_sessions"} with input as {"processes": object.union(good, {"sticky_sessions": true})}
}

test_silence_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"processes.stateless", "processes.local_state", "processes.sticky_sessions"} with input as {}
	count(rule.deny) == 0 with input as {}
}

# Deleting processes.local_state from a design that kept sessions locally
# must not turn the rule into a pass (issue 11, "silence passes").
test_deleted_local_state_is_unanswered_not_pass if {
	{f.path | some f in rule.unanswered} == {"processes.local_state"} with input as {"processes": {"stateless": true, "sticky_sessions": false}}
}
