# METADATA
# title: Every SLO is watched by a declared symptom alert that pages or opens a ticket
# description: |-
#   An SLO that no alert refers to is a report, not a safeguard: it is read
#   after the month is over, once the budget is gone. Checking that some
#   alert in the design names each SLO catches objectives that were written
#   down but never wired into paging, and SLOs whose burn-rate alerts are
#   claimed but not actually listed among the service's alerts.
# related_resources:
#   - ref: https://sre.google/workbook/alerting-on-slos/
#     description: Google SRE workbook, Alerting on SLOs
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_workload_observability_create_alerts.html
#     description: OPS08-BP04 Create actionable alerts
# custom:
#   id: PR407
#   best_practices: [OPS08-BP04]
#   severity: medium
#   tier_severity: [high, medium, medium, low]
#   level: proactive
#   check: reasoning
#   frameworks:
#     production-readiness: slos
#     well-architected: operational-excellence
#   remediation: |-
#     For each SLO, add its burn-rate alert(s) to `observability.alerts`, set
#     the alert's `slo` to the SLO's name, `based_on: symptom`, and
#     `severity: page` (fast burn) or `ticket` (slow burn). A claim of
#     `burn_rate_alerts: true` on the SLO is corroborated by these entries.
#   applicability: Services that declare at least one SLO.
#   example: |-
#     slos:
#       - name: checkout-availability
#         sli: availability
#         objective_percent: 99.95
#     observability:
#       alerts:
#         - name: checkout-availability-fast-burn
#           based_on: symptom
#           severity: page
#           slo: checkout-availability
#           runbook: runbooks/checkout-availability.md
package archvet.rules.production_readiness.slo_watched_by_alert

import rego.v1

import data.archvet.lib

applicable if count(lib.slos) > 0

alerts_stated if "alerts" in object.keys(object.get(input, "observability", {}))

# watchers[name] are the [index, alert] pairs naming the SLO.
watchers[name] := {[j, alert] |
	some j, alert in lib.alerts
	alert.slo == name
} if {
	some slo in lib.slos
	name := object.get(slo, "name", "")
}

# An alert that tells a person the SLO is burning.
effective(alert) if {
	alert.based_on == "symptom"
	alert.severity in {"page", "ticket"}
}

# An alert whose kind or routing is not stated yet.
unclear(alert) if object.get(alert, "based_on", null) == null

unclear(alert) if object.get(alert, "severity", null) == null

watched(name) if {
	some [_, alert] in watchers[name]
	effective(alert)
}

claim(slo) := " although it claims burn-rate alerts" if slo.burn_rate_alerts == true

else := ""

deny contains lib.finding(msg, "observability.alerts") if {
	alerts_stated
	some slo in lib.slos
	count(watchers[object.get(slo, "name", "")]) == 0
	msg := sprintf("no alert in observability.alerts watches slo %q%s", [object.get(slo, "name", "unnamed"), claim(slo)])
}

# E6: the SLO is watched only by alerts that page nobody or look at causes.
deny contains lib.finding(msg, path) if {
	some slo in lib.slos
	name := object.get(slo, "name", "")
	not watched(name)
	some [j, alert] in watchers[name]
	not unclear(alert)
	field := weak_field(alert)
	msg := sprintf(
		"slo %q is watched by alert %q, which is %s %s alert, so nobody is told when its budget burns%s",
		[name, alert.name, article(alert.severity), words(alert), claim(slo)],
	)
	path := sprintf("observability.alerts[%d].%s", [j, field])
}

weak_field(alert) := "severity" if alert.severity == "info"

else := "based_on"

article("info") := "an"

article(severity) := "a" if severity != "info"

words(alert) := sprintf("%s-level %s", [alert.severity, alert.based_on])

unanswered contains lib.finding(msg, "observability.alerts") if {
	applicable
	not alerts_stated
	msg := "the design does not list its alerts, so it cannot be told whether its slos are watched"
}

unanswered contains lib.finding(msg, path) if {
	some slo in lib.slos
	name := object.get(slo, "name", "")
	not watched(name)
	some [j, alert] in watchers[name]
	unclear(alert)
	msg := sprintf("the design does not say whether alert %q on slo %q is a symptom alert that pages or opens a ticket", [alert.name, name])
	path := sprintf("observability.alerts[%d]", [j])
}
