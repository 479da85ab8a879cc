# METADATA
# title: Every release has a unique identifier
# description: |-
#   A release (one build combined with one environment's config) should carry
#   an identifier that is never reused, such as a version or commit hash.
#   It is what an incident responder reads to learn what is running, what a
#   rollback targets, and what ties a metric change to a deploy. Without it,
#   "roll back to the last good version" has no precise meaning.
# related_resources:
#   - ref: https://12factor.net/build-release-run
#     description: Twelve-Factor App, V. Build, release, run
#   - ref: https://sre.google/sre-book/release-engineering/
#     description: Google SRE book, Release Engineering
# custom:
#   id: TF012
#   severity: medium
#   level: reactive
#   check: threshold
#   frameworks:
#     twelve-factor: build-release-run
#     production-readiness: change-management
#   remediation: |-
#     Stamp every release with a semantic version, the commit hash or a
#     timestamp, expose it in logs, metrics and a version endpoint, and set
#     `build.release_id` accordingly.
#   applicability: Every service.
#   example: |-
#     build:
#       release_id: git-sha
package archvet.rules.twelve_factor.unique_release_ids

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "build.release_id") if {
	object.get(input, ["build", "release_id"], "") == "none"
	msg := "releases have no unique identifier, so a rollback cannot name its target"
}

unanswered contains lib.finding(msg, "build.release_id") if {
	object.get(input, ["build", "release_id"], "") == ""
	msg := "the design does not say how releases are identified"
}
