# METADATA
# title: Built artifacts are immutable
# description: |-
#   An artifact that can be rebuilt or patched under the same name stops
#   meaning anything: the image tested in staging may not be the one that
#   reaches production, and rolling back may not restore what ran before.
#   Treating every build output as write-once, and producing a new artifact
#   for every change, keeps deploys reproducible and rollbacks trustworthy.
# related_resources:
#   - ref: https://12factor.net/build-release-run
#     description: Twelve-Factor App, V. Build, release, run
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_tracking_change_management_immutable_infrastructure.html
#     description: REL08-BP04 Deploy using immutable infrastructure
# custom:
#   id: TF011
#   severity: high
#   level: reactive
#   frameworks:
#     twelve-factor: build-release-run
#     well-architected: reliability
#   remediation: |-
#     Publish artifacts under unique, never-reused versions (refer to images
#     by digest, make registry tags immutable), never overwrite a published
#     one, and set `build.artifact.immutable: true`.
#   applicability: Every service.
#   example: |-
#     build:
#       artifact:
#         kind: container-image
#         immutable: true
package archvet.rules.twelve_factor.immutable_artifacts

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "build.artifact.immutable") if {
	lib.get(input, ["build", "artifact", "immutable"], null) == false
	msg := "a published artifact can be changed in place"
}

deny contains lib.finding(msg, "build.artifact.immutable") if {
	lib.get(input, ["build", "artifact", "immutable"], null) == null
	msg := "the design does not say whether built artifacts are immutable"
}
