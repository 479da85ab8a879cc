# METADATA
# title: Every change is built and unit-tested by continuous integration
# description: |-
#   Continuous integration is the first safety net for every change: it
#   proves that the code builds from a clean checkout and that the unit
#   tests pass before anything is merged or deployed. Without it, breakage
#   is found by the next person to pull, or by production. Unit tests are
#   the fast, cheap layer that makes frequent small changes possible.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_dev_integ_test_val_chg.html
#     description: OPS05-BP02 Test and validate changes
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_tracking_change_management_functional_testing.html
#     description: REL08-BP02 Integrate functional testing as part of your deployment
#   - ref: https://sre.google/sre-book/testing-reliability/
#     description: Google SRE book, Testing for Reliability
# custom:
#   id: PR450
#   best_practices: [OPS05-BP02]
#   severity: high
#   check: presence
#   level: reactive
#   frameworks:
#     production-readiness: testing
#     well-architected: operational-excellence
#   remediation: |-
#     Run a CI pipeline on every commit and pull request that builds the
#     service and runs its unit tests, and block merges on failure. Set
#     `build.ci: true` and `build.tests.unit: true`.
#   applicability: Every service.
#   example: |-
#     build:
#       ci: true
#       tests:
#         unit: true
package archvet.rules.production_readiness.testing_ci_unit_tests

import rego.v1

import data.archvet.lib

ci := object.get(input, ["build", "ci"], null)

unit := object.get(input, ["build", "tests", "unit"], null)

unanswered contains lib.finding(msg, "build.ci") if {
	ci == null
	msg := "the design does not say whether changes are built and tested by continuous integration"
}

unanswered contains lib.finding(msg, "build.tests.unit") if {
	unit == null
	msg := "the design does not say whether unit tests gate a change"
}

deny contains lib.finding(msg, "build.ci") if {
	ci == false
	msg := "changes are not built and tested by continuous integration"
}

deny contains lib.finding(msg, "build.tests.unit") if {
	unit == false
	msg := "no unit tests gate a change"
}
