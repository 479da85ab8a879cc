package archvet.rules.production_readiness.slo_watched_by_alert_test

import rego.v1

import data.archvet.rules.production_readiness.slo_watched_by_alert as rule

paging(name, slo) := {"name": name, "slo": slo, "based_on": "symptom", "severity": "page"}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as {"slos": [{"name": "avail"}]}
	not rule.applicable with input as {"observability": {"alerts": [paging("a", "x")]}}
}

test_watched_slos_pass if {
	design := {
		"slos": [{"name": "avail"}, {"name": "lat"}],
		"observability": {"alerts": [paging("avail-burn", "avail"), object.union(paging("lat-burn", "lat"), {"severity": "ticket"})]},
	}
	count(rule.deny) == 0 with input as design
	count(rule.unanswered) == 0 with input as design
}

test_unwatched_slo_fails if {
	findings := rule.deny with input as {
		"slos": [{"name": "avail"}, {"name": "lat", "burn_rate_alerts": true}],
		"observability": {"alerts": [paging("avail-burn", "avail"), {"name": "cpu"}]},
	}
	paths(findings) == {"observability.alerts"}
	some f in findings
	contains(f.msg, "\"lat\" although it claims burn-rate alerts")
}

# E6: the only alert on the latency SLO is an info-level cause alert.
test_e6_info_cause_alert_does_not_watch_the_slo if {
	findings := rule.deny with input as {
		"slos": [{"name": "lat", "burn_rate_alerts": true}],
		"observability": {"alerts": [{"name": "lat-burn", "slo": "lat", "based_on": "cause", "severity": "info"}]},
	}
	paths(findings) == {"observability.alerts[0].severity"}
	some f in findings
	contains(f.msg, "info-level cause")
}

test_cause_alert_that_pages_fails_at_based_on if {
	paths(rule.deny) == {"observability.alerts[0].based_on"} with input as {
		"slos": [{"name": "lat"}],
		"observability": {"alerts": [{"name": "disk", "slo": "lat", "based_on": "cause", "severity": "page"}]},
	}
}

test_unlisted_alerts_are_an_open_question if {
	paths(rule.unanswered) == {"observability.alerts"} with input as {"slos": [{"name": "avail"}]}
	count(rule.deny) == 0 with input as {"slos": [{"name": "avail"}]}
}

test_alert_of_unknown_kind_is_an_open_question if {
	design := {"slos": [{"name": "avail"}], "observability": {"alerts": [{"name": "a", "slo": "avail"}]}}
	paths(rule.unanswered) == {"observability.alerts[0]"} with input as design
	count(rule.deny) == 0 with input as design
}
