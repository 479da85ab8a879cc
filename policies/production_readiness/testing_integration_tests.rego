# METADATA
# title: Integration tests against real backing services gate every change
# description: |-
#   Unit tests with mocks confirm that the code does what its author
#   believed the database, broker or downstream API would do. Many
#   production failures are exactly where that belief was wrong: SQL that a
#   real engine rejects, a serialisation mismatch, a timeout setting, a
#   transaction isolation surprise. Integration tests run the service
#   against real instances of its backing services and catch those before
#   release.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_tracking_change_management_functional_testing.html
#     description: REL08-BP02 Integrate functional testing as part of your deployment
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_dev_integ_test_val_chg.html
#     description: OPS05-BP02 Test and validate changes
#   - ref: https://martinfowler.com/bliki/IntegrationTest.html
#     description: Martin Fowler, IntegrationTest
# custom:
#   id: PR451
#   best_practices: [REL08-BP02]
#   severity: medium
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: testing
#     well-architected: reliability
#   remediation: |-
#     Add integration tests that start real instances of the service's
#     stores and brokers (for example in containers) and exercise its calls
#     to them, run them in CI beside the unit tests, and set
#     `build.tests.integration: true`.
#   applicability: Services with dependencies, data stores or events.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#     build:
#       ci: true
#       tests:
#         unit: true
#         integration: true
package archvet.rules.production_readiness.testing_integration_tests

import rego.v1

import data.archvet.lib

backing := ((count(lib.dependencies) + count(lib.data_stores)) + count(lib.publishes)) + count(lib.consumes)

applicable if backing > 0

integration := object.get(input, ["build", "tests", "integration"], null)

unanswered contains lib.finding(msg, "build.tests.integration") if {
	integration == null
	msg := "the design does not say whether integration tests against real backing services gate a change"
}

deny contains lib.finding(msg, "build.tests.integration") if {
	integration == false
	msg := sprintf("no integration tests exercise the service's %d backing service(s) and dependencies before release", [backing])
}
