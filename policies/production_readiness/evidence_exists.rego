# METADATA
# title: Every document the design cites exists
# description: |-
#   A runbook, threat model, capacity plan or ADR that the design names but
#   nobody wrote is a claim without evidence: the review passes on paper and
#   the on-call engineer finds a dead link at 3 a.m. archvet checks each
#   relative path next to the design review, and that each URL is at least
#   well formed (it never fetches one).
# related_resources:
#   - ref: https://sre.google/sre-book/evolving-sre-engagement-model/
#     description: Google SRE book, the production readiness review
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_ready_to_support_use_runbooks.html
#     description: OPS07-BP03 Use runbooks to perform procedures
# custom:
#   id: PR600
#   severity: medium
#   level: reactive
#   frameworks:
#     production-readiness: incident-response
#     well-architected: operational-excellence
#   remediation: |-
#     Write the missing document, or correct the path. Paths are relative to
#     the design review; URLs must be absolute http or https links.
#   applicability: The design cites at least one document by path or URL.
#   example: |-
#     operations:
#       runbooks: [https://wiki.example.com/runbooks/checkout]
package archvet.rules.production_readiness.evidence_exists

import rego.v1

import data.archvet.lib

# archvet fills _evidence from the file system before evaluation; plain OPA
# runs have none, so the rule then does not apply.
evidence := object.get(input, "_evidence", {})

applicable if count(evidence) > 0

deny contains lib.finding(msg, path) if {
	some path, e in evidence
	e.state == "missing"
	msg := sprintf("%s cites %q, which does not exist next to the design review", [path, e.ref])
}

deny contains lib.finding(msg, path) if {
	some path, e in evidence
	e.state == "invalid-url"
	msg := sprintf("%s cites %q, which is not a well-formed http or https URL", [path, e.ref])
}
