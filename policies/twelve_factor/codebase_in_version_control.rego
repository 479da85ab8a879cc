# METADATA
# title: The service is built from one named, version-controlled repository
# description: |-
#   A deployable service should trace back to exactly one codebase under
#   version control, so that every running deploy can be tied to a commit.
#   When the design cannot name that repository, nobody can tell which code is
#   running, audit a change, or rebuild an old release after an incident.
# related_resources:
#   - ref: https://12factor.net/codebase
#     description: Twelve-Factor App, I. Codebase
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_version_control.html
#     description: OPS05-BP01 Use version control
# custom:
#   id: TF001
#   severity: medium
#   level: reactive
#   frameworks:
#     twelve-factor: codebase
#     well-architected: operational-excellence
#   remediation: |-
#     Keep the service's code in one version-controlled repository and record
#     it in `codebase.repository` (for example the Git URL). Build every
#     environment's deploy from that repository.
#   applicability: Every service.
#   example: |-
#     codebase:
#       repository: https://git.example.com/shop/orders
package archvet.rules.twelve_factor.codebase_in_version_control

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "codebase.repository") if {
	trim_space(lib.get(input, ["codebase", "repository"], "")) == ""
	msg := "the design does not name the repository the service is built from"
}
