# METADATA
# title: A current threat model covers the service
# description: |-
#   A threat model is where a team writes down what it is protecting, who
#   might attack it and how, and which mitigations it chose. Without one,
#   security controls are picked by habit and gaps stay invisible until an
#   attacker finds them. Designs drift, so a model that nobody has looked at
#   for more than a year no longer describes the system that runs; services
#   that carry revenue or other services must keep it fresh.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_securely_operate_threat_model.html
#     description: SEC01-BP07 Identify threats and prioritize mitigations using a threat model
#   - ref: https://google.github.io/building-secure-and-reliable-systems/raw/ch02.html
#     description: Building Secure and Reliable Systems, chapter 2, Understanding Adversaries
# custom:
#   id: WA301
#   severity: high
#   level: proactive
#   check: threshold
#   best_practices: [SEC01-BP07]
#   params:
#     max_threat_model_age_days:
#       description: longest time since the threat model was last reviewed
#       tiers: [180, 365, 730, 730]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Write a threat model for the service (for example with STRIDE over its
#     data-flow diagram), link it as `security.threat_model`, and record the
#     date of the last review in `security.threat_model_updated`. For tier 0
#     and 1 services, review it at least once a year and whenever the
#     architecture changes.
#   applicability: Services of tier 0 to 2; the yearly review applies to tier 0 and 1.
#   example: |-
#     security:
#       threat_model: docs/security/threat-model.md
#       threat_model_updated: "2026-10-01"
package archvet.rules.well_architected.sec_threat_model

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

day_ns := ((24 * 60) * 60) * 1000000000

max_age_days := params.max_threat_model_age_days

model := object.get(input, ["security", "threat_model"], "")

updated := object.get(input, ["security", "threat_model_updated"], "")

applicable if lib.tier <= 2

unanswered contains lib.finding(msg, "security.threat_model") if {
	model == ""
	msg := "the design does not link a threat model"
}

unanswered contains lib.finding(msg, "security.threat_model_updated") if {
	applicable
	model != ""
	updated == ""
	msg := "the design does not say when the threat model was last reviewed"
}

deny contains lib.finding(msg, "security.threat_model_updated") if {
	applicable
	model != ""
	updated != ""
	age := (time.now_ns() - time.parse_ns("2006-01-02", updated)) / day_ns
	age > max_age_days
	msg := sprintf("the threat model was last reviewed on %s, more than %d days ago", [updated, max_age_days])
}
