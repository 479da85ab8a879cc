# METADATA
# title: Every SLO has a named owner
# description: |-
#   An objective nobody answers for drifts: it is not reviewed when traffic
#   changes, its budget policy is not enforced, and a breach produces no
#   decision. Naming the owner of each SLO makes someone accountable for
#   keeping the target meaningful and for acting when it is missed. The
#   owner may be the service team, but it should be said, not assumed.
# related_resources:
#   - ref: https://sre.google/workbook/implementing-slos/
#     description: Google SRE workbook, Implementing SLOs (documenting and owning an SLO)
# custom:
#   id: PR404
#   severity: medium
#   check: presence
#   level: reactive
#   frameworks:
#     production-readiness: slos
#   remediation: |-
#     Set `owner` on every SLO to the team or role that reviews it and acts
#     on breaches, usually the team that owns the service.
#   applicability: Services that declare at least one SLO.
#   example: |-
#     slos:
#       - name: checkout-availability
#         sli: availability
#         objective_percent: 99.95
#         owner: checkout-team
package archvet.rules.production_readiness.slo_owner

import rego.v1

import data.archvet.lib

applicable if count(lib.slos) > 0

unanswered contains lib.finding(msg, path) if {
	some i, slo in lib.slos
	object.get(slo, "owner", null) == null
	msg := sprintf("the design does not name an owner for slo %q", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d].owner", [i])
}

deny contains lib.finding(msg, path) if {
	some i, slo in lib.slos
	slo.owner == ""
	msg := sprintf("slo %q names an empty owner", [object.get(slo, "name", "unnamed")])
	path := sprintf("slos[%d].owner", [i])
}
