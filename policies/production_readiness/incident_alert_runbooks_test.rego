package archvet.rules.production_readiness.incident_alert_runbooks_test

import rego.v1

import data.archvet.rules.production_readiness.incident_alert_runbooks as rule

test_runbooks_linked_pass if {
	count(rule.deny) == 0 with input as {"observability": {"alerts": [
		{"name": "burn", "severity": "page", "runbook": "runbooks/burn.md"},
		{"name": "disk", "severity": "ticket"},
	]}}
}

test_page_without_runbook_fails if {
	findings := rule.unanswered with input as {
		"operations": {"runbooks": ["runbooks/burn.md"]},
		"observability": {"alerts": [
			{"name": "disk", "severity": "ticket"},
			{"name": "burn", "severity": "page", "runbook": "runbooks/burn.md"},
			{"name": "latency", "severity": "page"},
		]},
	}
	count(findings) == 1
	some f in findings
	f.path == "observability.alerts[2].runbook"
	contains(f.msg, "latency")
}

test_no_paging_alerts_not_applicable if {
	not rule.applicable with input as {"observability": {"alerts": [{"name": "disk", "severity": "ticket"}]}}
}

test_applicable_with_a_paging_alert if {
	rule.applicable with input as {"observability": {"alerts": [{"name": "burn", "severity": "page"}]}}
}

test_empty_runbook_fails if {
	alerts := [{"name": "burn", "severity": "page", "runbook": ""}]
	{f.path | some f in rule.deny} == {"observability.alerts[0].runbook"} with input as {"observability": {"alerts": alerts}}
}

test_runbook_not_kept_by_the_service_fails if {
	findings := rule.deny with input as {
		"operations": {"runbooks": ["runbooks/other.md"]},
		"observability": {"alerts": [{"name": "burn", "severity": "page", "runbook": "runbooks/burn.md"}]},
	}
	{f.path | some f in findings} == {"observability.alerts[0].runbook"}
	some f in findings
	contains(f.msg, "not among")
}

test_runbooks_list_deleted_is_unanswered if {
	inp := {"observability": {"alerts": [{"name": "burn", "severity": "page", "runbook": "runbooks/burn.md"}]}}
	{f.path | some f in rule.unanswered} == {"operations.runbooks"} with input as inp
	count(rule.deny) == 0 with input as inp
}
