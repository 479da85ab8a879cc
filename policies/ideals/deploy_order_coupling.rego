# METADATA
# title: No dependency has to be deployed before the service
# description: |-
#   When a dependency must reach production before this service can, the two
#   are released as a pair even if they live in different pipelines. The
#   order is easy to get wrong under pressure, it blocks rollbacks (the
#   dependency cannot go back while this service relies on its new version),
#   and it usually means a contract was changed in a way that is not backward
#   compatible.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, deployability
# custom:
#   id: ID004
#   severity: medium
#   level: proactive
#   frameworks:
#     ideals: deployability
#     production-readiness: change-management
#   remediation: |-
#     Make the service tolerate both the old and the new version of the
#     dependency (expand and contract, feature detection, tolerant readers),
#     so that either can be released first. Then drop `deploy_before` from the
#     dependency.
#   applicability: The service declares at least one dependency.
#   example: |-
#     dependencies:
#       - name: payments
#         deploy_before: false
package archvet.rules.ideals.deploy_order_coupling

import rego.v1

import data.archvet.lib

applicable if count(lib.dependencies) > 0

deny contains lib.finding(msg, path) if {
	some i, dep in lib.dependencies
	dep.deploy_before == true
	msg := sprintf("dependency %q must be deployed before the service, which couples their releases", [dep.name])
	path := sprintf("dependencies[%d].deploy_before", [i])
}
