package archvet.rules.well_architected.sec_threat_model_test

import rego.v1

import data.archvet.rules.well_architected.sec_threat_model

now := time.parse_ns("2006-01-02", "2026-11-23")

test_recent_model_passes if {
	count(sec_threat_model.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 0},
		"security": {"threat_model": "tm.md", "threat_model_updated": "2026-06-01"},
	}
		with time.now_ns as now
}

test_missing_model_fails if {
	case_input := {"service": {"name": "s", "owner": "t", "tier": 2}}
	sec_threat_model.applicable with input as case_input
		with time.now_ns as now
	findings := sec_threat_model.unanswered with input as case_input
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "security.threat_model"
}

test_stale_model_fails_for_critical if {
	findings := sec_threat_model.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 1},
		"security": {"threat_model": "tm.md", "threat_model_updated": "2025-01-10"},
	}
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "security.threat_model_updated"
}

test_review_date_missing_fails_for_critical if {
	some f in sec_threat_model.unanswered with input as {
		"service": {"name": "s", "owner": "t", "tier": 0},
		"security": {"threat_model": "tm.md"},
	}
		with time.now_ns as now
	f.path == "security.threat_model_updated"
}

days_before(n) := time.format([time.add_date(now, 0, 0, 0 - n), "UTC", "2006-01-02"])

test_threat_model_age_at_each_tier if {
	every tier, limit in [180, 365, 730] {
		count(sec_threat_model.deny) == 0 with input as {"service": {"tier": tier}, "security": {"threat_model": "tm.md", "threat_model_updated": days_before(limit)}}
			with time.now_ns as now
		case51 := {"service": {"tier": tier}, "security": {"threat_model": "tm.md", "threat_model_updated": days_before(limit + 1)}}
		{f.path | some f in sec_threat_model.deny} == {"security.threat_model_updated"} with input as case51
			with time.now_ns as now
	}
}

test_threat_model_age_override if {
	count(sec_threat_model.deny) == 1 with input as {"service": {"tier": 2}, "security": {"threat_model": "tm.md", "threat_model_updated": days_before(40)}}
		with time.now_ns as now
		with data.archvet.params as {"WA301": {"max_threat_model_age_days": [30, 30, 30, 30]}}
}

test_not_applicable_to_tier_3 if {
	not sec_threat_model.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}
