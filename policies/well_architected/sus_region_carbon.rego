# METADATA
# title: Region choice weighs the carbon intensity of the grid
# description: |-
#   The same workload can emit several times more carbon in one region than
#   in another, depending on how the local grid produces electricity and how
#   much renewable energy the provider buys there. Latency, residency and
#   cost still come first, but when several regions satisfy them, choosing
#   the cleaner one is among the largest and cheapest sustainability gains a
#   design can make.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_region_a2.html
#     description: SUS01-BP01 Choose Region based on both business requirements and sustainability goals
#   - ref: https://learn.greensoftware.foundation/carbon-awareness/
#     description: Green Software Foundation, Carbon awareness
# custom:
#   id: WA370
#   severity: low
#   level: strategic
#   check: presence
#   best_practices: [SUS01-BP01]
#   frameworks:
#     well-architected: sustainability
#   remediation: |-
#     Among the regions that meet latency, residency and cost needs, compare
#     published grid carbon intensity and the provider's renewable energy
#     data, prefer the lower-carbon region, and set
#     `sustainability.region_carbon_considered: true`.
#   applicability: Every service.
#   example: |-
#     sustainability:
#       region_carbon_considered: true
package archvet.rules.well_architected.sus_region_carbon

import rego.v1

import data.archvet.lib

considered := object.get(input, ["sustainability", "region_carbon_considered"], null)

deny contains lib.finding(msg, "sustainability.region_carbon_considered") if {
	considered == false
	msg := "the region was chosen without considering the carbon intensity of its grid"
}

unanswered contains lib.finding(msg, "sustainability.region_carbon_considered") if {
	considered == null
	msg := "the design does not say whether carbon intensity was considered when choosing the region"
}
