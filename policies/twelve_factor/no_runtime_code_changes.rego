# METADATA
# title: Code is never changed on running instances
# description: |-
#   Editing code on a live instance (a hot patch over SSH, a file copied into
#   a container) creates a state no build produced and no test covered. The
#   change disappears at the next deploy or restart, differs between
#   instances, and cannot be traced back to the repository. Every change
#   should travel the build, release and run path instead.
# related_resources:
#   - ref: https://12factor.net/build-release-run
#     description: Twelve-Factor App, V. Build, release, run
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_tracking_change_management_immutable_infrastructure.html
#     description: REL08-BP04 Deploy using immutable infrastructure
# custom:
#   id: TF013
#   severity: high
#   level: reactive
#   frameworks:
#     twelve-factor: build-release-run
#     well-architected: reliability
#     production-readiness: change-management
#   remediation: |-
#     Remove the ability to edit code in place (read-only file systems, no
#     write access to the deploy directory, no shell access for patching) and
#     ship even urgent fixes as a new release through the pipeline. Then set
#     `build.runtime_code_changes: false`.
#   applicability: Every service; the rule fires only when the design says code can be changed at run time.
#   example: |-
#     build:
#       runtime_code_changes: false
package archvet.rules.twelve_factor.no_runtime_code_changes

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "build.runtime_code_changes") if {
	lib.get(input, ["build", "runtime_code_changes"], false) == true
	msg := "code can be changed on running instances, outside the build and release stages"
}
