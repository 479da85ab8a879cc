package archvet.rules.production_readiness.security_key_management_test

import rego.v1

import data.archvet.rules.production_readiness.security_key_management as rule

design(tier, key, days) := {
	"service": {"name": "x", "owner": "t", "tier": tier},
	"data_stores": [{"name": "db", "contains_pii": true, "encryption_at_rest": true, "encryption": {"key": key, "rotation_days": days}}],
}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as design(0, "customer-managed", 30)
	not rule.applicable with input as {"data_stores": [{"name": "db", "classification": "public", "encryption_at_rest": true}]}
}

test_customer_key_rotated_yearly_passes if {
	count(rule.deny) == 0 with input as design(0, "customer-managed", 365)
	count(rule.unanswered) == 0 with input as design(0, "customer-managed", 365)
}

test_provider_key_fails_at_critical_tiers if {
	every tier in [0, 1] {
		paths(rule.deny) == {"data_stores[0].encryption.key"} with input as design(tier, "provider-managed", 30)
	}
	every tier in [2, 3] {
		count(rule.deny) == 0 with input as design(tier, "provider-managed", 30)
	}
}

test_rotation_at_each_tier if {
	every tier, limit in [365, 365, 730, 730] {
		count(rule.deny) == 0 with input as design(tier, "customer-managed", limit)
		paths(rule.deny) == {"data_stores[0].encryption.rotation_days"} with input as design(tier, "customer-managed", limit + 1)
	}
}

test_unstated_key_is_an_open_question if {
	design := {"data_stores": [{"name": "db", "classification": "restricted", "encryption_at_rest": true}]}
	paths(rule.unanswered) == {"data_stores[0].encryption.key", "data_stores[0].encryption.rotation_days"} with input as design
	count(rule.deny) == 0 with input as design
}

test_override_of_the_rotation if {
	count(rule.deny) == 0 with input as design(0, "customer-managed", 700)
		with data.archvet.params as {"PR520": {"max_key_rotation_days": [730, 730, 730, 730]}}
}

test_override_of_the_sensitive_classes if {
	inp := {"data_stores": [{"name": "db", "classification": "internal", "encryption_at_rest": true}]}
	not rule.applicable with input as inp
	rule.applicable with input as inp
		with data.archvet.params as {"PR520": {"sensitive_classes": [["internal"], ["internal"], ["internal"], ["internal"]]}}
}
