# METADATA
# title: Every SLO declares its rolling window
# description: |-
#   "99.9%" means nothing until it says over what period: a 99.9% day allows
#   under a minute and a half of failure, a 99.9% month about forty-three
#   minutes. The window fixes the size of the error budget, how burn rates
#   are computed and how quickly a bad week is forgotten. A rolling window
#   (commonly 28 or 30 days) avoids the calendar-month reset where
#   reliability suddenly stops mattering on the first of the month.
# related_resources:
#   - ref: https://sre.google/workbook/implementing-slos/
#     description: Google SRE workbook, Implementing SLOs (choosing an appropriate time window)
# custom:
#   id: PR406
#   severity: low
#   check: threshold
#   params:
#     min_window_days:
#       description: shortest rolling window an SLO may be measured over, in days
#       tiers: [28, 28, 7, 7]
#   level: reactive
#   frameworks:
#     production-readiness: slos
#   remediation: |-
#     Set `window_days` on every SLO, typically 28 or 30 days (at least 28
#     at tiers 0 and 1, 7 at tiers 2 and 3), and compute
#     the error budget and burn rates over that rolling window.
#   applicability: Services that declare at least one SLO.
#   example: |-
#     slos:
#       - name: checkout-availability
#         sli: availability
#         objective_percent: 99.95
#         window_days: 28
package archvet.rules.production_readiness.slo_rolling_window

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if count(lib.slos) > 0

unanswered contains lib.finding(msg, path) if {
	some i, slo in lib.slos
	object.get(slo, "window_days", null) == null
	msg := sprintf("the design does not say over what rolling window slo %q is measured", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d].window_days", [i])
}

deny contains lib.finding(msg, path) if {
	some i, slo in lib.slos
	is_number(slo.window_days)
	slo.window_days < params.min_window_days
	msg := sprintf(
		"slo %q is measured over %v days, too short a window for a tier %d service to see its budget trend (at least %v)",
		[object.get(slo, "name", "unnamed"), slo.window_days, lib.tier, params.min_window_days],
	)
	path := sprintf("slos[%d].window_days", [i])
}
