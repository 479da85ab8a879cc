# METADATA
# title: Every durable store moves or deletes old data automatically
# description: |-
#   Stored data keeps consuming disks, replicas and backups long after
#   anyone reads it, and the footprint only grows. A lifecycle policy that
#   moves cold data to cheaper, denser storage tiers and deletes it when its
#   retention ends keeps storage proportional to value. A retention period
#   that nothing enforces is a wish, not a policy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_data_a4.html
#     description: SUS04-BP03 Use policies to manage the lifecycle of your datasets
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_data_a6.html
#     description: SUS04-BP05 Remove unneeded or redundant data
# custom:
#   id: WA373
#   severity: low
#   level: proactive
#   check: reasoning
#   best_practices: [SUS04-BP03, SUS04-BP05]
#   frameworks:
#     well-architected: sustainability
#   remediation: |-
#     Give each durable store a lifecycle policy (object storage lifecycle
#     rules, TTL attributes, partition dropping or a scheduled purge job) that
#     tiers or deletes data according to its retention, and set
#     `data_stores[].lifecycle_policy: true`.
#   applicability: Durable data stores other than queues (queues hold messages only until they are consumed).
#   example: |-
#     data_stores:
#       - name: invoices
#         kind: object
#         retention_days: 3650
#         lifecycle_policy: true
package archvet.rules.well_architected.sus_data_lifecycle

import rego.v1

import data.archvet.lib

checked contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "kind", "") != "queue"
}

applicable if count(checked) > 0

deny contains lib.finding(msg, sprintf("data_stores[%d].lifecycle_policy", [i])) if {
	some [i, store] in checked
	object.get(store, "lifecycle_policy", null) != true
	retention := object.get(store, "retention_days", null)
	retention != null
	msg := sprintf("store %q declares a %v-day retention but no lifecycle policy is declared to enforce it", [store.name, retention])
}

deny contains lib.finding(msg, sprintf("data_stores[%d].lifecycle_policy", [i])) if {
	some [i, store] in checked
	object.get(store, "lifecycle_policy", null) == false
	object.get(store, "retention_days", null) == null
	msg := sprintf("store %q keeps all data indefinitely with no lifecycle policy", [store.name])
}

unanswered contains lib.finding(msg, sprintf("data_stores[%d].lifecycle_policy", [i])) if {
	some [i, store] in checked
	object.get(store, "lifecycle_policy", null) == null
	object.get(store, "retention_days", null) == null
	msg := sprintf("the design does not say whether store %q has a lifecycle policy for old data", [store.name])
}
