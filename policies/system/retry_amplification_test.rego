package archvet.system.retry_amplification_test

import rego.v1

import data.archvet.system.retry_amplification

at(file) := {"file": file, "line": 90, "column": 5}

hop(service, attempts) := {"service": service, "dependency": 0, "attempts": attempts, "at": at(sprintf("%s.yaml", [service]))}

# orders retries inventory `attempts` times; the path below multiplies
# by `below`, as one hop of that many attempts.
case(tier, attempts, below) := {
	"service": {"name": "orders", "tier": tier},
	"dependencies": [{"name": "tax"}, {"name": "inventory", "retries": {"max_attempts": attempts}}],
	"_system": {"dependencies": [
		{"name": "tax", "reviewed": false, "attempts": 1, "amplification": 1, "amplification_path": [hop("orders", 1)]},
		{
			"name": "inventory", "reviewed": true, "attempts": attempts, "amplification": attempts * below,
			"amplification_path": [hop("orders", attempts), hop("inventory", below), hop("shipping", 1)],
		},
	]},
}

test_amplification_over_the_limit_fails_where_retries_should_stop if {
	inp := case(0, 4, 16)
	retry_amplification.applicable with input as inp
	findings := retry_amplification.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].retries.max_attempts"
	contains(f.msg, "can become 64 calls along orders 4 x inventory 16 x shipping 1")
	f.related == [
		{"msg": "inventory makes 16 attempt(s) here", "at": at("inventory.yaml")},
		{"msg": "shipping makes 1 attempt(s) here", "at": at("shipping.yaml")},
	]
}

# A layer that does not retry is not where retries should stop.
test_single_attempt_layer_passes if {
	count(retry_amplification.deny) == 0 with input as case(0, 1, 64)
}

# 9 at tiers 0 and 1, 16 at tier 2, 27 at tier 3.
test_tier_limits if {
	count(retry_amplification.deny) == 0 with input as case(0, 3, 3)
	count(retry_amplification.deny) == 1 with input as case(0, 2, 5)
	count(retry_amplification.deny) == 0 with input as case(1, 3, 3)
	count(retry_amplification.deny) == 1 with input as case(1, 2, 5)
	count(retry_amplification.deny) == 0 with input as case(2, 2, 8)
	count(retry_amplification.deny) == 1 with input as case(2, 17, 1)
	count(retry_amplification.deny) == 0 with input as case(3, 3, 9)
	count(retry_amplification.deny) == 1 with input as case(3, 2, 14)
}

test_override if {
	count(retry_amplification.deny) == 1 with input as case(3, 2, 2)
		with data.archvet.params as {"SY006": {"max_amplification": [3, 3, 3, 3]}}
}

test_alone_not_applicable if {
	not retry_amplification.applicable with input as object.remove(case(0, 4, 16), ["_system"])
	not retry_amplification.applicable with input as {"_system": {"dependencies": []}}
}

test_one_dependency_applicable if {
	retry_amplification.applicable with input as {"dependencies": [{"name": "a"}], "_system": {"dependencies": []}}
}
