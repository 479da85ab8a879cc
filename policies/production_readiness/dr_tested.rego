# METADATA
# title: Disaster recovery has been exercised within the last year, the last six months at tier 0
# description: |-
#   A recovery plan that has never been run is full of steps that no longer
#   work: renamed resources, missing permissions, runbooks that assume people
#   who have left, and a failover that takes far longer than the RTO. The only
#   way to find those gaps before a real disaster is to execute the plan, in
#   production or a faithful copy, and measure the recovery against the
#   objectives. Systems and teams change every year, so an exercise more than
#   a year old says little about today, and a tier 0 service, whose outage
#   costs the most, rehearses twice a year.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_dr_tested.html
#     description: REL13-BP03 Test disaster recovery implementation to validate the implementation
#   - ref: https://sre.google/sre-book/testing-reliability/
#     description: Google SRE book, Testing for Reliability (disaster testing)
# custom:
#   id: PR310
#   best_practices: [REL13-BP03]
#   severity: high
#   check: threshold
#   level: proactive
#   params:
#     max_dr_test_age_days:
#       description: longest time since the last disaster recovery exercise, in days
#       tiers: [180, 365, 365, 365]
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     Run the disaster recovery plan end to end at least once a year, twice
#     a year at tier 0 (a game day that fails over or restores for real),
#     compare the measured recovery
#     time and data loss with the RTO and RPO, fix what broke, and record the
#     date in `disaster_recovery.last_tested`.
#   applicability: Services of tier 0, 1 or 2.
#   example: |-
#     disaster_recovery:
#       strategy: warm-standby
#       last_tested: 2026-09-15
package archvet.rules.production_readiness.dr_tested

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

# A day is a unit, not a threshold: written as a duration, so that no
# literal of it is mistaken for one.
ns_per_day := time.parse_duration_ns("24h")

last_tested := object.get(input, ["disaster_recovery", "last_tested"], null)

# age_days is how many days ago a YYYY-MM-DD date was; undefined when the
# date cannot be read.
age_days(date) := (time.now_ns() - time.parse_ns("2006-01-02", date)) / ns_per_day if {
	regex.match(`^\d{4}-\d{2}-\d{2}$`, date)
}

applicable if lib.tier <= 2

unanswered contains lib.finding(msg, "disaster_recovery.last_tested") if {
	lib.tier <= 2
	last_tested == null
	msg := "the design does not say when disaster recovery was last exercised"
}

deny contains lib.finding(msg, "disaster_recovery.last_tested") if {
	lib.tier <= 2
	last_tested != null
	age_days(last_tested) > params.max_dr_test_age_days
	msg := sprintf(
		"disaster recovery was last exercised on %s, more than %v days ago; a tier %d service rehearses it at least every %v days",
		[last_tested, params.max_dr_test_age_days, lib.tier, params.max_dr_test_age_days],
	)
}
