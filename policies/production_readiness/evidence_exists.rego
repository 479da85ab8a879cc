# METADATA
# title: Every document the design cites exists
# description: |-
#   A runbook, threat model, capacity plan or ADR that the design names but
#   nobody wrote is a claim without evidence: the review passes on paper and
#   the on-call engineer finds a dead link at 3 a.m. archvet checks that each
#   relative path names a non-empty regular file inside the repository, and
#   that each URL is at least well formed (it never fetches one). An
#   absolute path, a path leaving the repository, a directory, a device and
#   an empty file are never evidence.
# related_resources:
#   - ref: https://sre.google/sre-book/evolving-sre-engagement-model/
#     description: Google SRE book, the production readiness review
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_ready_to_support_use_runbooks.html
#     description: OPS07-BP03 Use runbooks to perform procedures
# custom:
#   id: PR600
#   check: presence
#   best_practices: [OPS07-BP03]
#   severity: medium
#   level: reactive
#   frameworks:
#     production-readiness: incident-response
#     well-architected: operational-excellence
#   remediation: |-
#     Write the missing document, or correct the path. Paths are relative to
#     the design review and must stay inside the repository; URLs must be
#     absolute http or https links.
#   applicability: The design cites at least one document by path or URL.
#   example: |-
#     operations:
#       runbooks: [https://wiki.example.com/runbooks/checkout]
package archvet.rules.production_readiness.evidence_exists

import rego.v1

import data.archvet.lib

# archvet fills _evidence from the file system before evaluation (an empty
# object when the design cites nothing). Plain OPA runs have none: then
# nobody has checked the citations, which is unanswered, not a pass.
computed if "_evidence" in object.keys(input)

evidence := object.get(input, "_evidence", {})

applicable if not computed

applicable if count(evidence) > 0

# What each state of a cited path means to a reader; "present", "url" and
# "reference" are evidence.
problem := {
	"missing": "which does not exist next to the design review",
	"outside-repository": "which is outside the repository; cite a file in the repository or an http or https URL",
	"not-a-file": "which is not a regular file (a directory, a device or a pipe)",
	"empty": "which is an empty file",
	"invalid-url": "which is not a well-formed http or https URL",
}

deny contains lib.finding(msg, path) if {
	some path, e in evidence
	what := problem[e.state]
	msg := sprintf("%s cites %q, %s", [path, e.ref, what])
}

unanswered contains lib.finding(msg, path) if {
	some path, e in evidence
	e.state == "unknown"
	msg := sprintf("%s cites %q, which archvet could not check", [path, e.ref])
}

unanswered contains lib.finding(msg, "") if {
	not computed
	msg := "the cited documents were not checked: archvet computes their evidence, and this evaluation had none"
}
