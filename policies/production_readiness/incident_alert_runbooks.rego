# METADATA
# title: Every paging alert links to a runbook
# description: |-
#   A page should tell the responder not only that something is wrong but
#   what to check first and which mitigations are safe. Linking each paging
#   alert to its runbook cuts the time from page to action, spreads the
#   knowledge of the few people who know the service, and exposes alerts
#   nobody knows how to act on, which should not page at all.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_ready_to_support_use_runbooks.html
#     description: OPS07-BP03 Use runbooks to perform procedures
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_event_response_process_per_alert.html
#     description: OPS10-BP02 Have a process per alert
# custom:
#   id: PR433
#   best_practices: [OPS07-BP03, OPS10-BP02]
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: incident-response
#     well-architected: operational-excellence
#   remediation: |-
#     Write a runbook for each paging alert (what the alert means, how to
#     confirm impact, first mitigations, whom to escalate to), include its
#     link in the alert's notification, and set the alert's `runbook`.
#   applicability: Services with at least one alert of severity page.
#   example: |-
#     operations:
#       runbooks: [runbooks/checkout-availability.md]
#     observability:
#       alerts:
#         - name: checkout-availability-fast-burn
#           based_on: symptom
#           severity: page
#           runbook: runbooks/checkout-availability.md
package archvet.rules.production_readiness.incident_alert_runbooks

import rego.v1

import data.archvet.lib

pages contains [i, alert] if {
	some i, alert in lib.alerts
	alert.severity == "page"
}

applicable if count(pages) > 0

deny contains lib.finding(msg, path) if {
	some [i, alert] in pages
	alert.runbook == ""
	msg := sprintf("paging alert %q has an empty runbook link", [object.get(alert, "name", "unnamed")])
	path := sprintf("observability.alerts[%d].runbook", [i])
}

# The runbook an alert links must be one the service keeps.
deny contains lib.finding(msg, path) if {
	runbooks := object.get(input, ["operations", "runbooks"], null)
	is_array(runbooks)
	some [i, alert] in pages
	link := object.get(alert, "runbook", "")
	link != ""
	not link in runbooks
	msg := sprintf(
		"paging alert %q links runbook %q, which is not among the service's operations.runbooks",
		[object.get(alert, "name", "unnamed"), link],
	)
	path := sprintf("observability.alerts[%d].runbook", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, alert] in pages
	object.get(alert, "runbook", null) == null
	msg := sprintf("the design does not say which runbook paging alert %q links", [object.get(alert, "name", "unnamed")])
	path := sprintf("observability.alerts[%d].runbook", [i])
}

unanswered contains lib.finding(msg, "operations.runbooks") if {
	object.get(input, ["operations", "runbooks"], null) == null
	msg := "the design does not say which runbooks the service keeps, so the runbooks its paging alerts link cannot be checked"
	some [_, alert] in pages
	alert.runbook != ""
}
