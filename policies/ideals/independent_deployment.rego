# METADATA
# title: The service can be deployed on its own
# description: |-
#   The point of splitting a system into services is that each one can ship
#   when it is ready. A service that has to be released together with others
#   turns every deploy into a coordinated event: releases wait for the slowest
#   team, rollbacks drag other services back with them, and the blast radius
#   of a bad change is the whole group. A dependency that must reach
#   production first is the same coupling seen from one contract, so this
#   one rule judges both: the deployment's claim and each dependency's
#   `deploy_before` must agree.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, deployability
#   - ref: https://sre.google/sre-book/release-engineering/
#     description: Google SRE book, Release Engineering
# custom:
#   id: ID003
#   severity: high
#   level: proactive
#   check: reasoning
#   frameworks:
#     ideals: deployability
#     production-readiness: change-management
#   remediation: |-
#     Remove the coupling that forces joint releases: keep API and event
#     changes backward compatible (expand and contract, tolerant readers),
#     version contracts, and put new behaviour behind feature flags so that
#     the service and each dependency can ship in either order. Then set
#     `deployment.independent: true` and drop `deploy_before` from the
#     dependencies.
#   applicability: Every service.
#   example: |-
#     deployment:
#       independent: true
#     dependencies:
#       - name: payments
#         deploy_before: false
package archvet.rules.ideals.independent_deployment

import rego.v1

import data.archvet.lib

independent := object.get(input, ["deployment", "independent"], null)

deny contains lib.finding(msg, "deployment.independent") if {
	independent == false
	msg := "the service cannot be deployed without deploying other services with it"
}

# A dependency that has to ship first couples the releases whatever the
# deployment section claims.
deny contains lib.finding(msg, path) if {
	some i, dep in lib.dependencies
	object.get(dep, "deploy_before", null) == true
	msg := sprintf("dependency %q must be deployed before the service, which couples their releases", [dep.name])
	path := sprintf("dependencies[%d].deploy_before", [i])
}

unanswered contains lib.finding(msg, "deployment.independent") if {
	independent == null
	msg := "the design does not say whether the service can be deployed on its own"
}

unanswered contains lib.finding(msg, path) if {
	some i, dep in lib.dependencies
	object.get(dep, "deploy_before", null) == null
	msg := sprintf("the design does not say whether dependency %q must be deployed before the service", [dep.name])
	path := sprintf("dependencies[%d].deploy_before", [i])
}

unanswered contains lib.finding(msg, "dependencies") if {
	not "dependencies" in object.keys(input)
	msg := "the design does not say which dependencies the service has, so none can be checked for release coupling"
}
