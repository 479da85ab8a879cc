# METADATA
# title: Build, release and run are separate stages
# description: |-
#   Turning code into an executable (build), combining it with one
#   environment's config (release) and executing it (run) should be distinct
#   steps. When they blur, for example when source is compiled or packages
#   are fetched as the process starts, what runs in production was never
#   tested as such, startup depends on package registries being up, and a
#   rollback cannot bring back the exact bits that ran before.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_build_mgmt_sys.html
#     description: OPS05-BP04 Use build and deployment management systems
#   - ref: https://12factor.net/build-release-run
#     description: Twelve-Factor App, V. Build, release, run
# custom:
#   id: TF010
#   severity: high
#   level: reactive
#   check: reasoning
#   best_practices: [OPS05-BP04]
#   frameworks:
#     twelve-factor: build-release-run
#     well-architected: operational-excellence
#     production-readiness: change-management
#   remediation: |-
#     Have CI build a runnable artifact (a container image, binary or package)
#     once per commit, create a release by pairing that artifact with an
#     environment's config, and have the platform only run releases. Set
#     `build.stages_separated: true` and an artifact kind other than `source`.
#   applicability: Every service.
#   example: |-
#     build:
#       stages_separated: true
#       artifact:
#         kind: container-image
package archvet.rules.twelve_factor.build_release_run_separated

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "build.stages_separated") if {
	object.get(input, ["build", "stages_separated"], null) == false
	msg := "build, release and run are not separate stages"
}

# Shipping source means the build happens where the service runs, whatever
# the stages flag says.
deny contains lib.finding(msg, "build.artifact.kind") if {
	object.get(input, ["build", "artifact", "kind"], "") == "source"
	msg := "the deployed artifact is source code, so the build happens at run time"
}

unanswered contains lib.finding(msg, "build.stages_separated") if {
	object.get(input, ["build", "stages_separated"], null) == null
	msg := "the design does not say whether build, release and run are separate stages"
}
