# METADATA
# title: Failure handling of tier 0 and 1 services is exercised by fault injection at least yearly
# description: |-
#   Timeouts, fallbacks, failover and automatic rollback are code paths that
#   run only during emergencies, which is the worst moment to discover that
#   they do not work. Injecting faults on purpose, in game days or
#   continuously, proves the recovery mechanisms and the people operating
#   them before a real outage depends on them. The exercise must be recent:
#   systems and teams change, and a game day from years ago says little
#   about today.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_testing_resiliency_failure_injection_resiliency.html
#     description: REL12-BP04 Test resiliency using chaos engineering
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_testing_resiliency_game_days_resiliency.html
#     description: REL12-BP05 Conduct game days regularly
#   - ref: https://principlesofchaos.org/
#     description: Principles of Chaos Engineering
# custom:
#   id: PR453
#   best_practices: [REL12-BP04, REL12-BP05]
#   severity: medium
#   check: threshold
#   level: visionary
#   params:
#     max_game_day_age_days:
#       description: longest time since the last game day or fault-injection exercise, in days
#       value: 365
#   frameworks:
#     production-readiness: testing
#     well-architected: reliability
#   remediation: |-
#     Plan fault-injection experiments for the failures the design claims to
#     survive (dependency outage or slowness, instance and zone loss, bad
#     release), run them at least once a year as a game day with the
#     on-call team, list them in `operations.chaos_testing.scenarios`, and
#     record the date in `last_game_day`.
#   applicability: Services of tier 0 and 1.
#   example: |-
#     operations:
#       chaos_testing:
#         enabled: true
#         scenarios:
#           - payments dependency times out
#           - loss of one availability zone
#         last_game_day: "2026-10-15"
package archvet.rules.production_readiness.testing_chaos_engineering

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

# A day is a unit, not a threshold: written as a duration, so that no
# literal of it is mistaken for one.
ns_per_day := time.parse_duration_ns("24h")

applicable if lib.critical

chaos := object.get(input, ["operations", "chaos_testing"], {})

last := object.get(chaos, "last_game_day", "")

unanswered contains lib.finding(msg, "operations.chaos_testing.enabled") if {
	object.get(chaos, "enabled", null) == null
	msg := "the design does not say whether faults are injected to test recovery"
}

unanswered contains lib.finding(msg, "operations.chaos_testing.last_game_day") if {
	chaos.enabled == true
	last == ""
	msg := "the design does not say when the last game day took place"
}

deny contains lib.finding(msg, "operations.chaos_testing.enabled") if {
	chaos.enabled == false
	msg := sprintf("recovery mechanisms of this tier %d service are never exercised by fault injection", [lib.tier])
}

deny contains lib.finding(msg, "operations.chaos_testing.scenarios") if {
	chaos.enabled == true
	count(object.get(chaos, "scenarios", [])) == 0
	msg := "fault injection is enabled but no failure scenarios are listed"
}

deny contains lib.finding(msg, "operations.chaos_testing.last_game_day") if {
	last != ""
	not valid_date(last)
	msg := sprintf("last game day %q is not a date in YYYY-MM-DD form", [last])
}

deny contains lib.finding(msg, "operations.chaos_testing.last_game_day") if {
	last != ""
	age := (time.now_ns() - time.parse_ns("2006-01-02", last)) / ns_per_day
	age > params.max_game_day_age_days
	msg := sprintf("the last game day was on %s, more than %v days ago", [last, params.max_game_day_age_days])
}

valid_date(d) if {
	_ := time.parse_ns("2006-01-02", d)
}
