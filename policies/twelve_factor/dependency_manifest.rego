# METADATA
# title: Dependencies are declared in a manifest
# description: |-
#   A service should state every library it needs in a dependency manifest
#   rather than count on packages already being present on a build machine or
#   host. Without a manifest, a fresh checkout does not build, new developers
#   cannot set up the project reliably, and nobody can list what the service
#   actually depends on when a vulnerability is announced.
# related_resources:
#   - ref: https://12factor.net/dependencies
#     description: Twelve-Factor App, II. Dependencies
# custom:
#   id: TF004
#   severity: medium
#   level: reactive
#   frameworks:
#     twelve-factor: dependencies
#   remediation: |-
#     Declare all libraries in the language's manifest (go.mod, package.json,
#     pyproject.toml, pom.xml ...) and record its path in `build.manifest`.
#   applicability: Every service.
#   example: |-
#     build:
#       manifest: go.mod
package archvet.rules.twelve_factor.dependency_manifest

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "build.manifest") if {
	trim_space(lib.get(input, ["build", "manifest"], "")) == ""
	msg := "the design does not name a dependency manifest"
}
