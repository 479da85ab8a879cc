# METADATA
# title: The service has a short list of responsibilities
# description: |-
#   A service that does one thing can be explained in a few lines. When its
#   list of responsibilities keeps growing, it usually means unrelated
#   concerns have been added because the service was convenient, and they
#   now share a codebase, a release train, a database and an on-call
#   rotation. Writing the responsibilities down, and keeping the list to a
#   handful, makes that drift visible early.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, single responsibility
# custom:
#   id: ID017
#   severity: low
#   level: proactive
#   check: threshold
#   params:
#     max_responsibilities_count:
#       description: most responsibilities one service may list
#       value: 5
#   frameworks:
#     ideals: single-responsibility
#   remediation: |-
#     List what the service is responsible for in `service.responsibilities`,
#     one line each. If there are more than five, group them and move the
#     groups that belong to another domain into their own service.
#   applicability: Every service.
#   example: |-
#     service:
#       name: orders
#       owner: checkout-team
#       tier: 0
#       responsibilities:
#         - accept and validate orders
#         - track order status
#         - publish order lifecycle events
package archvet.rules.ideals.focused_responsibilities

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

max_responsibilities := params.max_responsibilities_count

responsibilities := object.get(input, ["service", "responsibilities"], [])

unanswered contains lib.finding(msg, path) if {
	count(responsibilities) == 0
	msg := "the design does not list the service's responsibilities"
	path := "service.responsibilities"
}

deny contains lib.finding(msg, path) if {
	count(responsibilities) > max_responsibilities
	msg := sprintf(
		"the service lists %d responsibilities, more than %d suggests it does more than one job",
		[count(responsibilities), max_responsibilities],
	)
	path := "service.responsibilities"
}
