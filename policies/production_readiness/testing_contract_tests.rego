# METADATA
# title: Contract tests protect the APIs and events other services rely on
# description: |-
#   A service's APIs and events are promises to consumers it does not
#   deploy with. A field renamed, a type narrowed or an enum value added
#   can pass every test the provider owns and still break a consumer in
#   production. Consumer-driven contract tests check each change against
#   what consumers actually use, so incompatible changes fail in CI instead
#   of during a release, and services can still be deployed independently.
# related_resources:
#   - ref: https://martinfowler.com/articles/consumerDrivenContracts.html
#     description: Ian Robinson, Consumer-Driven Contracts
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_service_architecture_api_contracts.html
#     description: REL03-BP03 Provide service contracts per API
# custom:
#   id: PR452
#   best_practices: [REL03-BP03]
#   severity: medium
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: testing
#     well-architected: reliability
#     ideals: loose-coupling
#   remediation: |-
#     Collect contracts from the consumers of each API and event (for
#     example with a contract-testing tool and broker), verify them in the
#     provider's CI, verify consumed events against their producers'
#     schemas, and set `build.tests.contract: true`.
#   applicability: Services that offer APIs or publish or consume events.
#   example: |-
#     apis:
#       - name: orders
#         style: rest
#     build:
#       tests:
#         contract: true
package archvet.rules.production_readiness.testing_contract_tests

import rego.v1

import data.archvet.lib

interfaces := (count(lib.apis) + count(lib.publishes)) + count(lib.consumes)

applicable if interfaces > 0

contract := object.get(input, ["build", "tests", "contract"], null)

unanswered contains lib.finding(msg, "build.tests.contract") if {
	contract == null
	msg := "the design does not say whether contract tests check the apis and events other services rely on"
}

deny contains lib.finding(msg, "build.tests.contract") if {
	contract == false
	msg := sprintf("no contract tests guard the service's %d api(s) and event(s) against breaking changes", [interfaces])
}
