# METADATA
# title: Built artifacts are immutable and code is never changed on running instances
# description: |-
#   An artifact that can be rebuilt or patched under the same name stops
#   meaning anything: the image tested in staging may not be the one that
#   reaches production, and rolling back may not restore what ran before.
#   Editing code on a live instance (a hot patch over SSH, a file copied into
#   a container) is the same mutation after deploy: a state no build produced
#   and no test covered, which differs between instances and disappears at
#   the next restart. Treating every build output as write-once, and sending
#   every change through a new artifact, keeps deploys reproducible and
#   rollbacks trustworthy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_tracking_change_management_immutable_infrastructure.html
#     description: REL08-BP04 Deploy using immutable infrastructure
#   - ref: https://12factor.net/build-release-run
#     description: Twelve-Factor App, V. Build, release, run
# custom:
#   id: TF011
#   severity: high
#   level: reactive
#   check: reasoning
#   best_practices: [REL08-BP04]
#   frameworks:
#     twelve-factor: build-release-run
#     well-architected: reliability
#     production-readiness: change-management
#   remediation: |-
#     Publish artifacts under unique, never-reused versions (refer to images
#     by digest, make registry tags immutable), never overwrite a published
#     one, remove write and shell access to running instances, and state it:
#     `build.artifact.immutable: true` and `build.runtime_code_changes: false`.
#   applicability: Every service.
#   example: |-
#     build:
#       artifact:
#         kind: container-image
#         immutable: true
#       runtime_code_changes: false
package archvet.rules.twelve_factor.immutable_artifacts

import rego.v1

import data.archvet.lib

immutable := object.get(input, ["build", "artifact", "immutable"], null)

runtime_changes := object.get(input, ["build", "runtime_code_changes"], null)

deny contains lib.finding("a published artifact can be changed in place", "build.artifact.immutable") if {
	immutable == false
}

# An immutable artifact that is patched once it runs is mutable in effect.
deny contains lib.finding(msg, "build.runtime_code_changes") if {
	runtime_changes == true
	msg := "code can be changed on running instances, outside the build and release stages"
}

unanswered contains lib.finding(msg, "build.artifact.immutable") if {
	immutable == null
	msg := "the design does not say whether built artifacts are immutable"
}

unanswered contains lib.finding(msg, "build.runtime_code_changes") if {
	runtime_changes == null
	msg := "the design does not say whether code can be changed on running instances"
}
