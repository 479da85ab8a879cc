# METADATA
# title: Every in-house dependency of a critical service has a review in the system
# description: |-
#   A system run judges a dependency by its own review: its tier, its SLOs,
#   its deadlines, its retries. A dependency run in-house that has no
#   review in the system escapes every one of those checks, and the
#   service's own promises rest on facts nobody wrote down. For a tier 0
#   or 1 service that is an open question, not a pass: the dependency may
#   be fine, or it may be the weakest link of the system. Third-party and
#   managed services are reviewed by their contracts, not by archvet; but
#   a dependency declared third-party or managed whose review is in the
#   system is misfiled, and the checks meant for in-house services skip it.
# related_resources:
#   - ref: https://sre.google/sre-book/launch-checklist/
#     description: Google SRE book, Launch Coordination Checklist (dependencies)
#   - ref: https://sre.google/sre-book/evolving-sre-engagement-model/
#     description: Google SRE book, The Evolving SRE Engagement Model (production readiness reviews)
# custom:
#   id: SY010
#   severity: medium
#   level: reactive
#   check: reasoning
#   scope: system
#   frameworks:
#     production-readiness: resilience
#   remediation: |-
#     Add the dependency's design review to the system (the folder checked,
#     or the --context folder), check that the dependency's `name` is the
#     callee's `service.name`, or, if it is run by another company, say so
#     with `kind: third-party` or `kind: managed-service`.
#   applicability: A tier 0 or 1 review, checked as part of a system (several reviews, or --context), that declares dependencies.
#   example: |-
#     # _system is what archvet derives from the other reviews; it is not written by hand.
#     service: {name: checkout, tier: 0}
#     dependencies:
#       - name: payments
#         kind: internal-service
#       - name: card-gateway
#         kind: third-party
#     _system:
#       dependencies:
#         - {name: payments, reviewed: true, callee: {name: payments, at: {file: payments/design.yaml, line: 8, column: 9}}}
#         - {name: card-gateway, reviewed: false, callee: null}
package archvet.system.unreviewed_dependencies

import rego.v1

import data.archvet.lib

# The review's place in the system, absent when it is checked alone.
system := object.get(input, "_system", null)

applicable if {
	system != null
	lib.critical
	count(lib.dependencies) > 0
}

outside := {"third-party", "managed-service"}

unanswered contains lib.finding(msg, path) if {
	some i, edge in system.dependencies
	edge.reviewed == false
	dep := lib.dependencies[i]
	not lib.get(dep, "kind", "internal-service") in outside
	msg := sprintf(
		"the design does not say what %q promises: no review in the system describes it, so its tier, SLOs and deadlines cannot be checked",
		[dep.name],
	)
	path := sprintf("dependencies[%d].name", [i])
}

deny contains lib.finding_related(msg, path, related) if {
	some i, edge in system.dependencies
	edge.reviewed == true
	dep := lib.dependencies[i]
	dep.kind in outside
	msg := sprintf("dependency %q is declared %s, but its design review is part of the system", [dep.name, dep.kind])
	path := sprintf("dependencies[%d].kind", [i])
	related := [{"msg": sprintf("%s is reviewed here", [dep.name]), "at": edge.callee.at}]
}
