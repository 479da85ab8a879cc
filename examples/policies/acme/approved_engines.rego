# METADATA
# title: Data stores use an engine on ACME's approved list
# description: |-
#   ACME's platform team runs, patches, backs up and restores a short list of
#   database engines, and the on-call engineers are trained on those. A
#   service that brings another engine also brings its operations: upgrades,
#   backups, restore drills and 3 a.m. expertise that nobody else has.
#   Exceptions go through the architecture board, as a waiver.
# related_resources:
#   - ref: https://handbook.acme.example/platform/approved-technology#data-stores
#     description: ACME approved technology, data stores
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_priorities_eval_governance_reqs.html
#     description: OPS01-BP03 Evaluate governance requirements
# custom:
#   id: ACME003
#   severity: medium
#   level: proactive
#   frameworks:
#     well-architected: operational-excellence
#   remediation: |-
#     Move the data to one of PostgreSQL, Redis, Kafka, S3, DynamoDB or
#     OpenSearch, or ask the architecture board for an exception and record
#     it as a waiver with its expiry date. Name the engine in
#     `data_stores[].engine`.
#   applicability: The service declares at least one data store.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         engine: PostgreSQL
package archvet.rules.acme.approved_engines

import rego.v1

import data.archvet.lib

approved := {"postgresql", "redis", "kafka", "s3", "dynamodb", "opensearch"}

applicable if count(lib.data_stores) > 0

deny contains lib.finding(msg, path) if {
	some i, store in lib.data_stores
	object.get(store, "engine", "") == ""
	msg := sprintf("data store %q does not name its engine", [store.name])
	path := sprintf("data_stores[%d].engine", [i])
}

deny contains lib.finding(msg, path) if {
	some i, store in lib.data_stores
	engine := object.get(store, "engine", "")
	engine != ""
	not lower(engine) in approved
	msg := sprintf("data store %q runs on %s, which is not on ACME's approved list", [store.name, engine])
	path := sprintf("data_stores[%d].engine", [i])
}
