package archvet.rules.production_readiness.obs_meta_monitoring_test

import rego.v1

import data.archvet.rules.production_readiness.obs_meta_monitoring as rule

design(heartbeat) := {"observability": {"alerting_heartbeat": heartbeat, "alerts": [{"name": "burn", "severity": "page"}]}}

test_applicability if {
	rule.applicable with input as design(true)
	not rule.applicable with input as {"observability": {"alerts": [{"name": "disk", "severity": "ticket"}]}}
}

test_heartbeat_passes if {
	count(rule.deny) == 0 with input as design(true)
}

test_no_heartbeat_fails if {
	{f.path | some f in rule.deny} == {"observability.alerting_heartbeat"} with input as design(false)
}

test_unstated_heartbeat_is_an_open_question if {
	{f.path | some f in rule.unanswered} == {"observability.alerting_heartbeat"} with input as {"observability": {"alerts": [{"name": "b", "severity": "page"}]}}
}
