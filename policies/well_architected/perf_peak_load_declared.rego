# METADATA
# title: Services with APIs state the peak request rate they are built for
# description: |-
#   Instance sizes, connection pools, partition counts, rate limits and
#   autoscaling bounds are all derived from expected load. Without a stated
#   peak, those numbers are guesses that cannot be checked, load tests have
#   no target, and the first traffic spike becomes the capacity test. The
#   peak rate is the figure every other performance decision leans on.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_architecture_use_data_driven_approach.html
#     description: PERF01-BP07 Use a data-driven approach for architectural choices
#   - ref: https://sre.google/sre-book/software-engineering-in-sre/
#     description: Google SRE book, Software Engineering in SRE (intent-based capacity planning)
# custom:
#   id: WA335
#   severity: medium
#   level: proactive
#   frameworks:
#     well-architected: performance-efficiency
#     production-readiness: capacity
#   remediation: |-
#     Estimate the peak request rate from traffic history or business
#     forecasts (including seasonal events), record it as `capacity.peak_rps`,
#     and size pools, limits and autoscaling bounds from it.
#   applicability: The service offers at least one API.
#   example: |-
#     apis:
#       - name: orders
#     capacity:
#       peak_rps: 1200
package archvet.rules.well_architected.perf_peak_load_declared

import rego.v1

import data.archvet.lib

applicable if count(lib.apis) > 0

deny contains lib.finding(msg, "capacity.peak_rps") if {
	applicable
	lib.get(input, ["capacity", "peak_rps"], null) == null
	msg := "the design does not say what peak request rate the apis are built for"
}
