# METADATA
# title: Every SLO has an error-budget policy
# description: |-
#   An SLO changes behaviour only when the team has agreed beforehand what
#   happens once the budget is spent: a feature freeze, reliability work
#   taking priority, extra review for risky releases. Without a written
#   policy the budget runs out, someone notices, and the decision is
#   renegotiated under pressure, usually in favour of shipping. The policy
#   turns the number into a rule that product and engineering both signed.
# related_resources:
#   - ref: https://sre.google/workbook/error-budget-policy/
#     description: Google SRE workbook, Example Error Budget Policy
#   - ref: https://sre.google/sre-book/embracing-risk/
#     description: Google SRE book, Embracing Risk (motivation for error budgets)
# custom:
#   id: PR403
#   severity: medium
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: slos
#   remediation: |-
#     Write an error-budget policy (what stops, what takes priority and who
#     decides when the budget is exhausted), have the service and product
#     owners agree to it, and link it from each SLO's `error_budget_policy`.
#   applicability: Services that declare at least one SLO.
#   example: |-
#     slos:
#       - name: checkout-availability
#         sli: availability
#         objective_percent: 99.95
#         error_budget_policy: docs/slo/error-budget-policy.md
package archvet.rules.production_readiness.slo_error_budget_policy

import rego.v1

import data.archvet.lib

applicable if count(lib.slos) > 0

unanswered contains lib.finding(msg, path) if {
	some i, slo in lib.slos
	object.get(slo, "error_budget_policy", null) == null
	msg := sprintf("the design does not link an error-budget policy for slo %q", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d].error_budget_policy", [i])
}

deny contains lib.finding(msg, path) if {
	some i, slo in lib.slos
	slo.error_budget_policy == ""
	msg := sprintf(
		"slo %q links an empty error-budget policy, so nothing says what happens when its budget is spent",
		[object.get(slo, "name", "unnamed")],
	)
	path := sprintf("slos[%d].error_budget_policy", [i])
}
