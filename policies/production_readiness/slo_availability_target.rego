# METADATA
# title: An availability SLO is declared, meets the tier's minimum and leaves an error budget
# description: |-
#   The objective has to match how much the business depends on the service:
#   a checkout path that promises 99% may be down more than seven hours a
#   month and still be "in SLO". Tier 0 services need at least 99.9%, tier 1
#   at least 99.5% and tier 2 at least 99.0%. The opposite mistake matters
#   too: an objective of 100% leaves no error budget, so every deploy and
#   every blip is a breach and the SLO stops guiding decisions.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_service_level_agreements.html
#     description: REL11-BP07 Architect your product to meet availability targets and uptime service level agreements (SLAs)
#   - ref: https://sre.google/sre-book/embracing-risk/
#     description: Google SRE book, Embracing Risk (error budgets and choosing targets)
# custom:
#   id: PR401
#   severity: high
#   level: reactive
#   check: threshold
#   best_practices: [REL11-BP07]
#   params:
#     min_availability_percent:
#       description: lowest availability objective accepted, in percent
#       tiers: [99.9, 99.5, 99.0, 95.0]
#   frameworks:
#     production-readiness: slos
#     well-architected: reliability
#   remediation: |-
#     Set `objective_percent` on every availability SLO to at least 99.9 for
#     tier 0, 99.5 for tier 1 and 99.0 for tier 2, and below 100 so that an
#     error budget remains. If the architecture cannot reach the tier's
#     target, change the architecture or the tier, not the number.
#   applicability: Services of tier 0 to 2; one that declares no availability SLO is asked for one.
#   example: |-
#     slos:
#       - name: checkout-availability
#         sli: availability
#         objective_percent: 99.95
#         window_days: 28
package archvet.rules.production_readiness.slo_availability_target

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

availability_slos contains [i, slo] if {
	some i, slo in lib.slos
	slo.sli == "availability"
}

applicable if lib.tier <= 2

# Silence is not a pass: a service of tier 0 to 2 that declares no
# availability SLO is asked for one.
unanswered contains lib.finding(msg, "slos") if {
	applicable
	count(availability_slos) == 0
	msg := "the design does not say what availability slo the service promises"
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, slo] in availability_slos
	object.get(slo, "objective_percent", null) == null
	msg := sprintf("the design does not say the objective_percent of availability slo %q", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d].objective_percent", [i])
}

deny contains lib.finding(msg, path) if {
	applicable
	required := params.min_availability_percent
	some [i, slo] in availability_slos
	objective := object.get(slo, "objective_percent", null)
	is_number(objective)
	objective < required
	msg := sprintf(
		"availability slo %q targets %v%%, below the %v%% minimum for a tier %d service",
		[object.get(slo, "name", "unnamed"), objective, required, lib.tier],
	)
	path := sprintf("slos[%d].objective_percent", [i])
}

deny contains lib.finding(msg, path) if {
	applicable
	some [i, slo] in availability_slos
	object.get(slo, "objective_percent", 0) >= 100
	msg := sprintf("availability slo %q targets 100%%, which leaves no error budget", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d].objective_percent", [i])
}
