# METADATA
# title: End-to-end tests exercise the service's journeys in a pre-production environment before release
# description: |-
#   Unit, integration and contract tests each stop at a boundary: a mock,
#   one real backing service, one agreed message shape. A request to a tier
#   0 or 1 service crosses all of them at once, through its synchronous
#   dependencies, its configuration and its deployment, and the failures
#   that only show there (a wrong endpoint, a missing permission, a
#   timeout too short for the real path) reach customers when nothing runs
#   the journey whole before release. End-to-end tests need somewhere to
#   run: an environment, before production, where the release is deployed
#   with the services it calls. A design that says such tests gate a change
#   but lists no test or staging environment contradicts itself.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_tracking_change_management_functional_testing.html
#     description: REL08-BP02 Integrate functional testing as part of your deployment
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_dev_integ_test_val_chg.html
#     description: OPS05-BP02 Test and validate changes
#   - ref: https://martinfowler.com/articles/practical-test-pyramid.html
#     description: Ham Vocke, The Practical Test Pyramid (end-to-end tests)
# custom:
#   id: PR454
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [REL08-BP02, OPS05-BP02]
#   frameworks:
#     production-readiness: testing
#     well-architected: reliability
#   remediation: |-
#     Write a few end-to-end tests of the journeys that matter most (place
#     an order, pay), run them in the pipeline against a test or staging
#     environment, or one created for each change, where the release runs
#     with its real dependencies, block the promotion to production when
#     they fail, set `build.tests.end_to_end: true`, and list that
#     environment in `environments` with its `kind`.
#   applicability: Services of tier 0 and 1 that serve an API or call another service synchronously.
#   example: |-
#     apis:
#       - name: orders-api
#     build:
#       tests:
#         end_to_end: true
#     environments:
#       - name: staging
#         kind: staging
#       - name: production
#         kind: production
package archvet.rules.production_readiness.testing_end_to_end

import rego.v1

import data.archvet.lib

applicable if {
	lib.critical
	count(lib.apis) + count(lib.sync_dependencies) > 0
}

end_to_end := object.get(input, ["build", "tests", "end_to_end"], null)

# Environments by what they say they are for, each set computed once.
pre_production contains i if {
	some i, env in lib.environments
	object.get(env, "kind", null) in {"test", "staging"}
}

kindless contains i if {
	some i, env in lib.environments
	object.get(env, "kind", null) == null
}

# What a journey crosses, for the messages: "2 api(s) and 3 synchronous
# dependenc(ies)", leaving out what the service has none of.
journey := concat(" and ", [part |
	some [n, what] in [[count(lib.apis), "api(s)"], [count(lib.sync_dependencies), "synchronous dependenc(ies)"]]
	n > 0
	part := sprintf("%d %s", [n, what])
])

unanswered contains lib.finding(msg, "build.tests.end_to_end") if {
	applicable
	end_to_end == null
	msg := sprintf(
		"the design does not say whether end-to-end tests exercise the journeys through the service's %s before release",
		[journey],
	)
}

# Said to run, but where: no environment at all is an open question, an
# environment of unknown kind may be the one, and a list of only
# development and production environments leaves nowhere to run them
# (a deny below).
unanswered contains lib.finding(msg, "environments") if {
	applicable
	end_to_end == true
	count(lib.environments) == 0
	msg := "end-to-end tests are said to gate a change, but the design lists no environment for them to run in"
}

unanswered contains lib.finding(msg, path) if {
	applicable
	end_to_end == true
	count(pre_production) == 0
	some i in kindless
	msg := sprintf(
		"the design does not say what kind of environment %q is, so where the end-to-end tests run is unknown",
		[object.get(lib.environments[i], "name", i)],
	)
	path := sprintf("environments[%d].kind", [i])
}

deny contains lib.finding(msg, "build.tests.end_to_end") if {
	applicable
	end_to_end == false
	msg := sprintf("no end-to-end test exercises the journeys through the service's %s before release", [journey])
}

deny contains lib.finding_related(msg, "build.tests.end_to_end", [nowhere]) if {
	applicable
	end_to_end == true
	count(lib.environments) > 0
	count(pre_production) == 0
	count(kindless) == 0
	msg := concat(" ", [
		"end-to-end tests are said to gate a change, yet every environment listed is for development or production,",
		"so there is nowhere before production to run them",
	])
}

nowhere := {"msg": "the environments, none of them test or staging", "path": "environments"}
