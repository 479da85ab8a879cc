# METADATA
# title: Log retention is bounded
# description: |-
#   Logs are among the fastest-growing datasets a service produces, and
#   almost nobody reads them after a few weeks. Keeping them forever, or
#   for an unstated period that defaults to forever, fills storage that is
#   powered, replicated and backed up for no benefit, and keeps personal
#   data around longer than necessary. About thirteen months (400 days)
#   covers yearly comparisons and most audit needs; older material that must
#   be kept belongs in an archive tier.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_data_a6.html
#     description: SUS04-BP05 Remove unneeded or redundant data
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_data_a4.html
#     description: SUS04-BP03 Use policies to manage the lifecycle of your datasets
# custom:
#   id: WA376
#   severity: low
#   level: proactive
#   check: threshold
#   best_practices: [SUS04-BP05, SUS04-BP03]
#   params:
#     max_log_retention_days:
#       description: longest time logs are kept before they are archived or deleted
#       value: 400
#   frameworks:
#     well-architected: sustainability
#   remediation: |-
#     Set a retention period of at most 400 days on the log store, move
#     anything that must be kept longer (audit trails, for instance) to an
#     archive tier, and record the period in
#     `observability.logging.retention_days`.
#   applicability: Every service.
#   example: |-
#     observability:
#       logging:
#         retention_days: 90
package archvet.rules.well_architected.sus_log_retention

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

max_days := params.max_log_retention_days

retention := object.get(input, ["observability", "logging", "retention_days"], null)

unanswered contains lib.finding(msg, "observability.logging.retention_days") if {
	retention == null
	msg := "the design does not say how long logs are kept"
}

deny contains lib.finding(msg, "observability.logging.retention_days") if {
	retention != null
	retention > max_days
	msg := sprintf("logs are kept for %v days; keep them at most %d days and archive what must stay longer", [retention, max_days])
}
