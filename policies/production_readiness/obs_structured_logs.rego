# METADATA
# title: Logs are structured (JSON or logfmt)
# description: |-
#   Free-text log lines are written for a human reading one terminal; in
#   production they are read by machines across thousands of instances.
#   Structured lines with named fields can be filtered, aggregated and
#   joined to traces without fragile regular expressions, and adding a
#   field does not break every parser downstream. During an incident that
#   is the difference between a query and an afternoon of grep.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_workload_observability_analyze_workload_logs.html
#     description: OPS08-BP02 Analyze workload logs
#   - ref: https://sre.google/workbook/monitoring/
#     description: Google SRE workbook, Monitoring
# custom:
#   id: PR414
#   severity: medium
#   level: reactive
#   frameworks:
#     production-readiness: observability
#     well-architected: operational-excellence
#   remediation: |-
#     Switch the logger to a structured encoder (JSON or logfmt), keep field
#     names consistent across services (level, msg, service, trace_id ...),
#     and set `observability.logging.format` accordingly.
#   applicability: Every service.
#   example: |-
#     observability:
#       logging:
#         format: json
package archvet.rules.production_readiness.obs_structured_logs

import rego.v1

import data.archvet.lib

format := object.get(input, ["observability", "logging", "format"], "")

deny contains lib.finding(msg, "observability.logging.format") if {
	format == ""
	msg := "the design does not say what format log lines are written in"
}

deny contains lib.finding(msg, "observability.logging.format") if {
	not format in {"", "json", "logfmt"}
	msg := sprintf("logs are written as %s, which tools cannot query by field; use json or logfmt", [format])
}
