# METADATA
# title: The service is load tested well beyond its expected peak, recently
# description: |-
#   Capacity estimates are guesses until the system has been driven to its
#   limits. A load test shows where it saturates first (a connection pool, a
#   lock, a downstream quota), whether autoscaling reacts in time, and
#   whether the declared headroom is real. Critical services should be pushed
#   to at least twice the expected peak, and tested again as the code and
#   traffic change, because last year's result does not describe this year's
#   system.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_adapt_to_changes_load_tested_adapt.html
#     description: REL07-BP04 Load test your workload
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (testing for the breaking point)
# custom:
#   id: PR315
#   severity: high
#   tier_severity: [high, high, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [REL07-BP04]
#   frameworks:
#     production-readiness: capacity
#     well-architected: reliability
#   params:
#     min_peak_multiple:
#       description: load the last test must reach, as a multiple of the expected peak
#       tiers: [2, 2, 1.5, 1]
#     max_load_test_age_days:
#       description: longest time since the last load test, in days
#       tiers: [180, 180, 365, 365]
#   remediation: |-
#     Run a load test against a production-like environment with realistic
#     traffic mixes. Reach at least 2x the expected peak at tiers 0 and 1 and
#     1.5x at tier 2, and more than the claimed headroom; repeat it at least
#     every 180 days at tiers 0 and 1 and every year at tier 2, and record
#     `capacity.load_test.performed`, `peak_multiple` and `last_run`.
#   applicability: |-
#     Services of tier 0, 1 or 2.
#   example: |-
#     capacity:
#       headroom_percent: 50
#       load_test:
#         performed: true
#         peak_multiple: 2.5
#         last_run: 2026-11-02
package archvet.rules.production_readiness.capacity_load_tested

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

ns_per_day := ((24 * 60) * 60) * 1000000000

load_test := object.get(input, ["capacity", "load_test"], {})

performed := object.get(load_test, "performed", null)

multiple := object.get(load_test, "peak_multiple", null)

last_run := object.get(load_test, "last_run", null)

headroom := object.get(input, ["capacity", "headroom_percent"], null)

# age_days is how many days ago a YYYY-MM-DD date was; undefined when the
# date cannot be read.
age_days(date) := (time.now_ns() - time.parse_ns("2006-01-02", date)) / ns_per_day if {
	regex.match(`^\d{4}-\d{2}-\d{2}$`, date)
}

applicable if lib.tier <= 2

deny contains lib.finding("the service has never been load tested", "capacity.load_test.performed") if {
	applicable
	performed == false
}

deny contains lib.finding(msg, "capacity.load_test.peak_multiple") if {
	applicable
	performed == true
	is_number(multiple)
	multiple < params.min_peak_multiple
	msg := sprintf(
		"the last load test reached %vx the expected peak; a tier %d service should be tested to at least %vx",
		[multiple, lib.tier, params.min_peak_multiple],
	)
}

deny contains lib.finding(msg, "capacity.load_test.peak_multiple") if {
	applicable
	performed == true
	is_number(multiple)
	multiple >= params.min_peak_multiple
	is_number(headroom)
	multiple < 1 + (headroom / 100)
	msg := sprintf(
		"the last load test reached %vx the expected peak, which does not demonstrate the %v%% headroom the design claims",
		[multiple, headroom],
	)
}

deny contains lib.finding(msg, "capacity.load_test.last_run") if {
	applicable
	performed == true
	last_run != null
	age_days(last_run) > params.max_load_test_age_days
	msg := sprintf("the last load test ran on %s, more than %v days ago", [last_run, params.max_load_test_age_days])
}

unanswered contains lib.finding("the design does not say whether the service has been load tested", "capacity.load_test.performed") if {
	applicable
	performed == null
}

unanswered contains lib.finding("the design does not say what load the last load test reached", "capacity.load_test.peak_multiple") if {
	applicable
	performed == true
	multiple == null
}

unanswered contains lib.finding("the design does not say when the service was last load tested", "capacity.load_test.last_run") if {
	applicable
	performed == true
	last_run == null
}
