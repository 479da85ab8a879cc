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
#   level: reactive
#   frameworks:
#     production-readiness: slos
#   remediation: |-
#     Set `window_days` on every SLO, typically 28 or 30 days, and compute
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

applicable if count(lib.slos) > 0

deny contains lib.finding(msg, path) if {
	some i, slo in lib.slos
	object.get(slo, "window_days", null) == null
	msg := sprintf("slo %q does not say over what rolling window it is measured", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d].window_days", [i])
}
