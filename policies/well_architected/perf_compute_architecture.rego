# METADATA
# title: The processor architecture is a deliberate choice
# description: |-
#   Compute options differ widely in price-performance: ARM instances often
#   give more throughput per dollar and per watt for typical services, while
#   some workloads need x86-only libraries or GPUs. A design that does not
#   say which architecture it runs on has usually inherited a default rather
#   than chosen one, and misses the chance to benchmark the alternatives.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_compute_hardware_select_best_compute_options.html
#     description: PERF02-BP01 Select the best compute options for your workload
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_architecture_use_benchmarking.html
#     description: PERF01-BP06 Use benchmarking to drive architectural decisions
# custom:
#   id: WA333
#   severity: low
#   level: proactive
#   frameworks:
#     well-architected: performance-efficiency
#   remediation: |-
#     Benchmark the service on the candidate architectures (for example ARM
#     and x86 instance families, or GPUs for model inference), pick one, and
#     record it as `capacity.compute`.
#   applicability: Every service.
#   example: |-
#     capacity:
#       compute: arm
package archvet.rules.well_architected.perf_compute_architecture

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "capacity.compute") if {
	lib.get(input, ["capacity", "compute"], "") == ""
	msg := "the design does not say which processor architecture the service runs on"
}
