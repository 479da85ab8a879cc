# METADATA
# title: General-purpose compute runs on energy-efficient processors
# description: |-
#   For typical web services and workers, ARM-based instances deliver the
#   same work with noticeably less energy than comparable x86 instances, and
#   usually at a lower price. Most runtimes and container images now build
#   for ARM with little effort, so staying on x86 by default gives up an
#   easy efficiency gain. Workloads that need GPUs or x86-only software are
#   exempt from this check.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_hardware_a3.html
#     description: SUS05-BP02 Use instance types with the least impact
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_compute_hardware_select_best_compute_options.html
#     description: PERF02-BP01 Select the best compute options for your workload
# custom:
#   id: WA374
#   severity: low
#   level: strategic
#   frameworks:
#     well-architected: sustainability
#   remediation: |-
#     Build multi-architecture images, benchmark the service on ARM instances
#     (for example AWS Graviton, Azure Cobalt or Google Axion), move the fleet
#     or part of it, and set `capacity.compute` to `arm` or `mixed`. Record a
#     decision if x86 is required.
#   applicability: The design declares a CPU architecture (x86, arm or mixed); GPU workloads are exempt.
#   example: |-
#     capacity:
#       compute: arm
package archvet.rules.well_architected.sus_efficient_hardware

import rego.v1

import data.archvet.lib

compute := lib.get(input, ["capacity", "compute"], "")

applicable if compute in {"x86", "arm", "mixed"}

deny contains lib.finding(msg, "capacity.compute") if {
	compute == "x86"
	msg := "the service runs only on x86; arm instances would do the same work with less energy"
}
