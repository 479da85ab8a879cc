# METADATA
# title: A tier 0 service is divided into isolated cells
# description: |-
#   Zones and regions protect against infrastructure failures, but not
#   against the failures a service causes itself: a bad deploy, a
#   configuration push, a poison request or one huge customer. When every
#   request goes through the same fleet, each of these reaches every
#   customer. Splitting the service into independent cells, each a complete
#   copy serving a slice of customers and deployed one at a time, caps the
#   damage of any single fault to one slice.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_use_bulkhead.html
#     description: REL10-BP03 Use bulkhead architectures to limit scope of impact
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reducing-scope-of-impact-with-cell-based-architecture/reducing-scope-of-impact-with-cell-based-architecture.html
#     description: AWS whitepaper, Reducing the Scope of Impact with Cell-Based Architecture
# custom:
#   id: WA251
#   severity: medium
#   level: visionary
#   check: threshold
#   best_practices: [REL10-BP03]
#   frameworks:
#     well-architected: reliability
#     production-readiness: resilience
#   remediation: |-
#     Partition customers (or another natural key) across at least two
#     independent cells that share no state beyond a thin routing layer,
#     deploy to one cell at a time, and record the count in
#     `deployment.cells`.
#   applicability: Tier 0 services.
#   example: |-
#     deployment:
#       cells: 4
package archvet.rules.well_architected.reliability_cell_isolation

import rego.v1

import data.archvet.lib

cells := object.get(input, ["deployment", "cells"], null)

applicable if lib.tier == 0

unanswered contains lib.finding(msg, "deployment.cells") if {
	lib.tier == 0
	cells == null
	msg := "the design does not say whether the tier 0 service is divided into isolated cells"
}

deny contains lib.finding(msg, "deployment.cells") if {
	lib.tier == 0
	cells != null
	cells < 2
	msg := "the tier 0 service runs as a single cell, so one bad deploy or poison request can reach every customer"
}
