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
#   level: proactive
#   frameworks:
#     production-readiness: capacity
#     well-architected: reliability
#   remediation: |-
#     Run a load test against a production-like environment with realistic
#     traffic mixes. For tier 0 and 1 services reach at least 2x the expected
#     peak (and more than the claimed headroom), repeat it at least every 180
#     days, and record `capacity.load_test.performed`, `peak_multiple` and
#     `last_run`.
#   applicability: |-
#     Services of tier 0, 1 or 2. The 2x target and the 180-day freshness
#     apply to tier 0 and 1.
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

max_age_days := 180

ns_per_day := ((24 * 60) * 60) * 1000000000

load_test := lib.get(input, ["capacity", "load_test"], {})

performed := lib.get(load_test, "performed", null)

multiple := lib.get(load_test, "peak_multiple", null)

last_run := lib.get(load_test, "last_run", null)

headroom := lib.get(input, ["capacity", "headroom_percent"], null)

# The load a test must reach, as a multiple of the expected peak.
required_multiple := 2 if lib.critical

else := 1

# age_days is how many days ago a YYYY-MM-DD date was; undefined when the
# date cannot be read.
age_days(date) := (time.now_ns() - time.parse_ns("2006-01-02", date)) / ns_per_day if {
	regex.match(`^\d{4}-\d{2}-\d{2}$`, date)
}

applicable if lib.tier <= 2

deny contains lib.finding("the service has never been load tested", "capacity.load_test.performed") if {
	lib.tier <= 2
	performed == false
}

deny contains lib.finding("the design does not say whether the service has been load tested", "capacity.load_test.performed") if {
	lib.tier <= 2
	performed == null
}

deny contains lib.finding(msg, "capacity.load_test.peak_multiple") if {
	lib.critical
	performed == true
	multiple == null
	msg := "the design does not say what load the last load test reached"
}

deny contains lib.finding(msg, "capacity.load_test.peak_multiple") if {
	lib.tier <= 2
	performed == true
	multiple != null
	multiple < required_multiple
	msg := sprintf("the last load test reached %vx the expected peak; a tier %d service should be tested to at least %vx", [multiple, lib.tier, required_multiple])
}

deny contains lib.finding(msg, "capacity.load_test.peak_multiple") if {
	lib.tier <= 2
	performed == true
	multiple != null
	multiple >= required_multiple
	headroom != null
	multiple < 1 + (headroom / 100)
	msg := sprintf("the last load test reached %vx the expected peak, which does not demonstrate the %v%% headroom the design claims", [multiple, headroom])
}

deny contains lib.finding("the design does not say when the service was last load tested", "capacity.load_test.last_run") if {
	lib.critical
	performed == true
	last_run == null
}

deny contains lib.finding(msg, "capacity.load_test.last_run") if {
	lib.critical
	performed == true
	last_run != null
	age_days(last_run) > max_age_days
	msg := sprintf("the last load test ran on %s, more than %d days ago", [last_run, max_age_days])
}
