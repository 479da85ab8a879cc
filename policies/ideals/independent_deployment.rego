# METADATA
# title: The service can be deployed on its own
# description: |-
#   The point of splitting a system into services is that each one can ship
#   when it is ready. A service that has to be released together with others
#   turns every deploy into a coordinated event: releases wait for the slowest
#   team, rollbacks drag other services back with them, and the blast radius
#   of a bad change is the whole group. Independent deployment is what makes
#   small, frequent and reversible changes possible.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, deployability
#   - ref: https://sre.google/sre-book/release-engineering/
#     description: Google SRE book, Release Engineering
# custom:
#   id: ID003
#   severity: high
#   level: proactive
#   frameworks:
#     ideals: deployability
#     production-readiness: change-management
#   remediation: |-
#     Remove the coupling that forces joint releases: keep API and event
#     changes backward compatible, version contracts, and put new behaviour
#     behind feature flags so that the service can ship alone. Then set
#     `deployment.independent: true`.
#   applicability: Every service.
#   example: |-
#     deployment:
#       independent: true
package archvet.rules.ideals.independent_deployment

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, path) if {
	lib.get(input, ["deployment", "independent"], null) == false
	msg := "the service cannot be deployed without deploying other services with it"
	path := "deployment.independent"
}

deny contains lib.finding(msg, path) if {
	lib.get(input, ["deployment", "independent"], null) == null
	msg := "the design does not say whether the service can be deployed on its own"
	path := "deployment.independent"
}
