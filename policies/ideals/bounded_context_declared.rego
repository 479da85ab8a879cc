# METADATA
# title: The service owns exactly one bounded context
# description: |-
#   A bounded context is the part of the domain inside which words mean one
#   thing and one model applies. A service that belongs to no declared
#   context tends to collect whatever nobody else wanted; a service that
#   spans several mixes their models, so a change in one part of the
#   business forces changes, tests and releases in unrelated parts. Naming
#   the one context the service owns gives a test for every new feature:
#   does it belong here?
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, single responsibility
#   - ref: https://martinfowler.com/bliki/BoundedContext.html
#     description: Bounded context
# custom:
#   id: ID015
#   severity: medium
#   level: proactive
#   check: threshold
#   frameworks:
#     ideals: single-responsibility
#   remediation: |-
#     Name the single bounded context the service owns in
#     `service.bounded_context`. If it really serves several, plan to split
#     it along those context boundaries.
#   applicability: Every service.
#   example: |-
#     service:
#       name: orders
#       owner: checkout-team
#       tier: 0
#       bounded_context: ordering
package archvet.rules.ideals.bounded_context_declared

import rego.v1

import data.archvet.lib

context := object.get(input, ["service", "bounded_context"], "")

several_contexts if count(names) > 1

# The names the text lists: commas and semicolons separate them, and so do
# "and", "&" and "+" written as words between spaces. A slash or an
# ampersand inside a name ("search/discovery", "R&D platform") is part of
# the name.
names contains trim_space(part) if {
	some part in regex.split(`[,;]|\s(?:and|&|\+)\s`, lower(context))
	trim_space(part) != ""
}

unanswered contains lib.finding(msg, path) if {
	trim_space(context) == ""
	msg := "the design does not say which bounded context the service owns"
	path := "service.bounded_context"
}

deny contains lib.finding(msg, path) if {
	several_contexts
	msg := sprintf("the service spans several bounded contexts (%q)", [context])
	path := "service.bounded_context"
}
