# METADATA
# title: Internet-facing services had a penetration test in the last year
# description: |-
#   Scanners and code review find known classes of flaw; a penetration test
#   finds what a motivated person can chain together against the deployed
#   system, including business-logic and authorisation mistakes no tool
#   recognises. Services reachable from the internet change and attract new
#   attack techniques every year, so the test has to be repeated: yearly for
#   tier 0 and 1, at least every two years for the rest.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_appsec_perform_regular_penetration_testing.html
#     description: SEC11-BP03 Perform regular penetration testing
#   - ref: https://owasp.org/www-project-web-security-testing-guide/
#     description: OWASP Web Security Testing Guide
# custom:
#   id: PR502
#   severity: medium
#   level: proactive
#   check: threshold
#   best_practices: [SEC11-BP03]
#   params:
#     max_pentest_age_days:
#       description: longest time since the last penetration test, in days
#       tiers: [365, 365, 365, 730]
#   frameworks:
#     production-readiness: security
#     well-architected: security
#   remediation: |-
#     Commission a penetration test of the public and partner APIs (internal
#     red team or external firm), track its findings to closure, repeat it
#     yearly (every two years at tier 3) and after major changes, and record
#     the date in
#     `security.penetration_test`.
#   applicability: The service has a public or partner API.
#   example: |-
#     apis:
#       - name: storefront
#         exposure: public
#     security:
#       penetration_test: "2026-09-15"
package archvet.rules.production_readiness.security_penetration_testing

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

day_ns := ((24 * 60) * 60) * 1000000000

applicable if {
	some api in lib.apis
	object.get(api, "exposure", "") in {"public", "partner"}
}

last := object.get(input, ["security", "penetration_test"], "")

unanswered contains lib.finding(msg, "security.penetration_test") if {
	applicable
	last == ""
	msg := "the design does not record a penetration test of this internet-facing service"
}

deny contains lib.finding(msg, "security.penetration_test") if {
	applicable
	last != ""
	age := (time.now_ns() - time.parse_ns("2006-01-02", last)) / day_ns
	age > params.max_pentest_age_days
	msg := sprintf("the last penetration test was on %s, more than %v days ago", [last, params.max_pentest_age_days])
}
