# METADATA
# title: The service relies on no system tools it does not declare
# description: |-
#   A service that shells out to tools it expects to find on the host (curl,
#   ImageMagick, a database client) works only where someone happened to
#   install them, at whatever version is there. The failure shows up at run
#   time, often only on one kind of host. Tools the service needs should be
#   vendored or installed by the build into the artifact, so that the
#   dependency is declared like any library.
# related_resources:
#   - ref: https://12factor.net/dependencies
#     description: Twelve-Factor App, II. Dependencies
# custom:
#   id: TF006
#   severity: medium
#   level: proactive
#   check: presence
#   frameworks:
#     twelve-factor: dependencies
#   remediation: |-
#     Install each tool in the build (for example in the container image, at a
#     pinned version) or replace it with a library, then remove it from
#     `build.system_tools`.
#   applicability: Every service; a design without `build.system_tools` expects no undeclared tools.
#   example: |-
#     build:
#       manifest: go.mod
#       system_tools: []
package archvet.rules.twelve_factor.no_implicit_system_tools

import rego.v1

import data.archvet.lib

unanswered contains lib.finding(msg, "build.system_tools") if {
	object.get(input, ["build", "system_tools"], null) == null
	msg := "the design does not say which system tools the service expects on the host (an empty list when none)"
}

deny contains lib.finding(msg, path) if {
	some i, tool in object.get(input, ["build", "system_tools"], [])
	msg := sprintf("the service expects %q on the host instead of shipping it in its artifact", [tool])
	path := sprintf("build.system_tools[%d]", [i])
}
