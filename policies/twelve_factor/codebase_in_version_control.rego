# METADATA
# title: The service is built from one named repository that no other deployable shares
# description: |-
#   A deployable service should trace back to exactly one codebase under
#   version control, so that every running deploy can be tied to a commit.
#   When the design cannot name that repository, nobody can tell which code is
#   running, audit a change, or rebuild an old release after an incident.
#   When several deployable services come out of the same codebase, a change
#   meant for one ships with the others and their release cadences become
#   entangled; shared code belongs in versioned libraries instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_version_control.html
#     description: OPS05-BP01 Use version control
#   - ref: https://12factor.net/codebase
#     description: Twelve-Factor App, I. Codebase
# custom:
#   id: TF001
#   severity: medium
#   level: reactive
#   check: reasoning
#   best_practices: [OPS05-BP01]
#   frameworks:
#     twelve-factor: codebase
#     well-architected: operational-excellence
#   remediation: |-
#     Keep the service's code in one version-controlled repository and record
#     it in `codebase.repository` (for example the Git URL). Give every other
#     deployable built from it its own codebase, move the shared code into a
#     versioned library, and list in `codebase.shared_with` the services that
#     still share it (an empty list when none do).
#   applicability: Every service.
#   example: |-
#     codebase:
#       repository: https://git.example.com/shop/orders
#       shared_with: []
package archvet.rules.twelve_factor.codebase_in_version_control

import rego.v1

import data.archvet.lib

repository := trim_space(object.get(input, ["codebase", "repository"], ""))

shared_with := object.get(input, ["codebase", "shared_with"], null)

unanswered contains lib.finding(msg, "codebase.repository") if {
	repository == ""
	msg := "the design does not name the repository the service is built from"
}

unanswered contains lib.finding(msg, "codebase.shared_with") if {
	shared_with == null
	msg := "the design does not say whether other deployable services are built from the same codebase"
}

# A codebase shared with another deployable is one repository serving two
# release cadences: the fact the design states against itself.
deny contains lib.finding(msg, path) if {
	some i, other in shared_with
	msg := sprintf("service %q is built from the same codebase; share the common code through a library instead", [other])
	path := sprintf("codebase.shared_with[%d]", [i])
}

deny contains lib.finding(msg, path) if {
	some i, other in shared_with
	other == object.get(input, ["service", "name"], null)
	msg := sprintf("codebase.shared_with names the service itself (%q)", [other])
	path := sprintf("codebase.shared_with[%d]", [i])
}
