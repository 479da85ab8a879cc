# METADATA
# title: No other deployable service is built from the service's codebase
# description: |-
#   Twelve-Factor ties one app to one codebase. When several deployable
#   services come out of the same codebase, a change meant for one ships with
#   the others, their release cadences become entangled, and ownership blurs.
#   Code the services have in common belongs in versioned libraries that each
#   service declares as a dependency.
# related_resources:
#   - ref: https://12factor.net/codebase
#     description: Twelve-Factor App, I. Codebase
# custom:
#   id: TF002
#   severity: low
#   level: proactive
#   frameworks:
#     twelve-factor: codebase
#   remediation: |-
#     Give each deployable service its own codebase, move the shared code into
#     a library with its own version, and have every service depend on it
#     through its manifest. Then remove the services from
#     `codebase.shared_with`.
#   applicability: Every service; a design without `codebase.shared_with` shares its codebase with nothing.
#   example: |-
#     codebase:
#       repository: https://git.example.com/shop/orders
#       shared_with: []
package archvet.rules.twelve_factor.codebase_not_shared

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, path) if {
	some i, other in lib.get(input, ["codebase", "shared_with"], [])
	msg := sprintf("service %q is built from the same codebase; share the common code through a library instead", [other])
	path := sprintf("codebase.shared_with[%d]", [i])
}
