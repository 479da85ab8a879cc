# METADATA
# title: Flexible batch work runs when and where energy is cleaner
# description: |-
#   Reports, exports, re-indexing, model training and other batch jobs
#   rarely need to run at a particular minute. Grid carbon intensity swings
#   widely over a day and between regions, so scheduling deferrable work into
#   low-carbon windows, or into cleaner regions, cuts its emissions at no
#   cost to users. It also spreads load away from daily peaks, which reduces
#   the capacity that has to be provisioned.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_software_a2.html
#     description: SUS03-BP01 Optimize software and architecture for asynchronous and scheduled jobs
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_user_a7.html
#     description: SUS02-BP06 Implement buffering or throttling to flatten the demand curve
#   - ref: https://learn.greensoftware.foundation/carbon-awareness/
#     description: Green Software Foundation, Carbon awareness (demand shifting)
# custom:
#   id: WA375
#   severity: low
#   level: visionary
#   check: presence
#   best_practices: [SUS03-BP01, SUS02-BP06]
#   params:
#     batch_words:
#       description: words that mark a process type as batch work when its name contains one (case-insensitive)
#       value: [batch, worker, cron, job, schedul, etl, report, backfill, nightly]
#   frameworks:
#     well-architected: sustainability
#   remediation: |-
#     Identify batch jobs with flexible deadlines, schedule them from a
#     carbon-intensity forecast (for example the Carbon Aware SDK or a grid
#     data API) or into off-peak windows, and set
#     `sustainability.batch_time_shifting: true`.
#   applicability: The service has a batch-like process type (batch, worker, cron, job, scheduler, ETL, report, backfill).
#   example: |-
#     processes:
#       process_types: [web, batch]
#     sustainability:
#       batch_time_shifting: true
package archvet.rules.well_architected.sus_batch_time_shifting

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

batch_types contains name if {
	some name in object.get(input, ["processes", "process_types"], [])
	lowered := lower(name)
	some word in params.batch_words
	contains(lowered, lower(word))
}

applicable if count(batch_types) > 0

names := concat(", ", sort(batch_types))

shifting := object.get(input, ["sustainability", "batch_time_shifting"], null)

deny contains lib.finding(msg, "sustainability.batch_time_shifting") if {
	applicable
	shifting == false
	msg := sprintf("batch work (%s) runs without regard to when or where energy is cleaner", [names])
}

unanswered contains lib.finding(msg, "sustainability.batch_time_shifting") if {
	applicable
	shifting == null
	msg := sprintf("the design does not say whether batch work (%s) is shifted to times or regions with cleaner energy", [names])
}
