# METADATA
# title: A critical service has kill switches for its risky features
# description: |-
#   During an incident the fastest safe action is often to stop doing
#   something: turn off an expensive feature, stop calling a struggling
#   dependency, block a class of traffic. A kill switch does that in seconds,
#   without a build or a deploy, and without anyone first having to find the
#   root cause. Such levers have to exist, be documented and be tested before
#   they are needed; a tier 0 or 1 service should name them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp07.html
#     description: REL05-BP07 Implement emergency levers
#   - ref: https://sre.google/workbook/incident-response/
#     description: Google SRE workbook, Incident Response (mitigation before root cause)
# custom:
#   id: WA201
#   severity: medium
#   level: proactive
#   check: presence
#   best_practices: [REL05-BP07]
#   frameworks:
#     well-architected: reliability
#     production-readiness: incident-response
#   remediation: |-
#     Identify the features and dependency calls that are expensive or risky
#     and can be dropped, put each behind a switch that operators can flip at
#     runtime without a deploy, make switching off reduce work rather than
#     add it, rehearse them, link them from the runbooks, and list them in
#     `deployment.kill_switches`.
#   applicability: Tier 0 and 1 services.
#   example: |-
#     deployment:
#       kill_switches:
#         - recommendations
#         - bulk-export
package archvet.rules.well_architected.reliability_emergency_levers

import rego.v1

import data.archvet.lib

applicable if lib.critical

unanswered contains lib.finding(msg, "deployment.kill_switches") if {
	lib.critical
	object.get(input, ["deployment", "kill_switches"], null) == null
	msg := "the design does not say which features can be switched off at once without a deploy"
}

deny contains lib.finding(msg, "deployment.kill_switches") if {
	lib.critical
	object.get(input, ["deployment", "kill_switches"], null) == []
	msg := sprintf("the tier %d service has no kill switch to turn risky features off during an incident", [lib.tier])
}
