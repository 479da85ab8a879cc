# METADATA
# title: Every change is reviewed by a second person and scanned by static analysis in CI
# description: |-
#   Most exploitable flaws are written, not configured: injection, broken
#   access checks, unsafe deserialisation, secrets pasted into code. Static
#   application security testing finds many of them mechanically on every
#   change, and a second reviewer catches the ones that need judgement.
#   Both only count if they run where every change passes: a static
#   analysis step claimed for a build that is not run by CI is a step that
#   runs when someone remembers.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_appsec_automate_testing_throughout_lifecycle.html
#     description: SEC11-BP02 Automate testing throughout the development and release lifecycle
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_appsec_manual_code_reviews.html
#     description: SEC11-BP04 Manual code reviews
#   - ref: https://owasp.org/www-community/Source_Code_Analysis_Tools
#     description: OWASP, Source Code Analysis Tools
# custom:
#   id: WA404
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [SEC11-BP02, SEC11-BP04]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Run a static application security testing tool as a required CI step
#     (`build.ci: true`, `build.static_analysis: true`) and require an
#     approving review from someone other than the author before merge
#     (`build.code_review: true`).
#   applicability: Production services (not experimental ones).
#   example: |-
#     build:
#       ci: true
#       static_analysis: true
#       code_review: true
package archvet.rules.well_architected.sec_static_analysis

import rego.v1

import data.archvet.lib

applicable if lib.production

build := object.get(input, "build", {})

sast := object.get(build, "static_analysis", null)

review := object.get(build, "code_review", null)

deny contains lib.finding("changes are not scanned by static security analysis", "build.static_analysis") if {
	applicable
	sast == false
}

# Analysis "in CI" needs a CI that every change passes through.
deny contains lib.finding(msg, "build.ci") if {
	applicable
	sast == true
	object.get(build, "ci", null) == false
	msg := "static analysis is claimed, but changes are not built by continuous integration, so nothing runs it on every change"
}

deny contains lib.finding("changes merge without a second person's review", "build.code_review") if {
	applicable
	review == false
}

unanswered contains lib.finding(msg, "build.static_analysis") if {
	applicable
	sast == null
	msg := "the design does not say whether changes are scanned by static security analysis in ci"
}

unanswered contains lib.finding(msg, "build.code_review") if {
	applicable
	review == null
	msg := "the design does not say whether every change is reviewed by a second person before it merges"
}
