package archvet.rules.twelve_factor.admin_one_off_processes_test

import rego.v1

import data.archvet.rules.twelve_factor.admin_one_off_processes as rule

test_one_off_process_passes if {
	design := {
		"processes": {"admin_tasks": {"mode": "one-off-process"}},
		"data_stores": [{"name": "db", "migrations": {"strategy": "expand-contract"}}],
	}
	count(rule.deny) == 0 with input as design
	count(rule.unanswered) == 0 with input as design
}

test_manual_shell_fails if {
	findings := rule.deny with input as {"processes": {"admin_tasks": {"mode": "manual-shell"}}}
	count(findings) == 1
	some f in findings
	f.path == "processes.admin_tasks.mode"
}

test_cron_in_app_fails if {
	some f in rule.deny with input as {"processes": {"admin_tasks": {"mode": "cron-in-app"}}}
	f.path == "processes.admin_tasks.mode"
	contains(f.msg, "replicas")
}

test_manual_sql_fails if {
	some f in rule.deny with input as {"processes": {"admin_tasks": {"mode": "manual-sql"}}}
	f.path == "processes.admin_tasks.mode"
	contains(f.msg, "SQL")
}

# Silence is an open question, never a failure (nor a pass).
test_missing_mode_is_unanswered if {
	count(rule.deny) == 0 with input as {"processes": {}}
	some f in rule.unanswered with input as {"processes": {}}
	f.path == "processes.admin_tasks.mode"
	contains(f.msg, "does not say")
}

test_missing_processes_is_unanswered if {
	count(rule.deny) == 0 with input as {}
	count(rule.unanswered) == 1 with input as {}
}

# PR317 owns manual schema migrations: this rule no longer judges them.
test_manual_migrations_left_to_pr317 if {
	count(rule.deny) == 0 with input as {
		"processes": {"admin_tasks": {"mode": "one-off-process"}},
		"data_stores": [{"name": "ledger", "migrations": {"strategy": "manual"}}],
	}
}
