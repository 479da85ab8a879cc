# METADATA
# title: General-purpose compute runs on energy-efficient processors, or records why not
# description: |-
#   For typical web services and workers, ARM-based instances deliver the
#   same work with noticeably less energy than comparable x86 instances, and
#   usually at a lower price. Most runtimes and container images now build
#   for ARM with little effort, so staying on x86 by default gives up an
#   easy efficiency gain. The processor architecture should therefore be a
#   stated, deliberate choice: x86 passes when a recorded decision explains
#   it (x86-only software, a benchmark), and GPU workloads are exempt.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_hardware_a3.html
#     description: SUS05-BP02 Use instance types with the least impact
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_compute_hardware_select_best_compute_options.html
#     description: PERF02-BP01 Select the best compute options for your workload
# custom:
#   id: WA374
#   severity: low
#   level: strategic
#   check: reasoning
#   best_practices: [SUS05-BP02, PERF02-BP01]
#   frameworks:
#     well-architected: sustainability
#   remediation: |-
#     Build multi-architecture images, benchmark the service on ARM instances
#     (for example AWS Graviton, Azure Cobalt or Google Axion), move the fleet
#     or part of it, and set `capacity.compute` to `arm` or `mixed`. If x86 is
#     required, record an accepted decision whose title or text names x86 and
#     says why.
#   applicability: Every service.
#   example: |-
#     capacity:
#       compute: arm
package archvet.rules.well_architected.sus_efficient_hardware

import rego.v1

import data.archvet.lib

compute := object.get(input, ["capacity", "compute"], null)

# A live decision that names x86 explains the choice.
x86_decided if {
	some d in lib.decisions
	not object.get(d, "status", "") in {"rejected", "deprecated", "superseded"}
	text := lower(concat(" ", [object.get(d, "title", ""), object.get(d, "decision", ""), object.get(d, "context", "")]))
	contains(text, "x86")
}

unanswered contains lib.finding(msg, "capacity.compute") if {
	compute == null
	msg := "the design does not say which processor architecture the service runs on"
}

deny contains lib.finding(msg, "capacity.compute") if {
	compute == "x86"
	not x86_decided
	msg := "the service runs only on x86 and no decision says why; arm instances would do the same work with less energy"
}
