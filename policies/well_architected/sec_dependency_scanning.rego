# METADATA
# title: Dependencies and images are scanned for known vulnerabilities
# description: |-
#   Most of the code a service runs comes from libraries and base images its
#   team did not write, and new vulnerabilities are published against them
#   every day. Without automated scanning the team learns about an
#   exploitable library from an incident rather than from a report. Scanning
#   in the pipeline, and again on a schedule for what is already deployed,
#   turns that into routine patch work.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_compute_vulnerability_management.html
#     description: SEC06-BP01 Perform vulnerability management
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_appsec_automate_testing_throughout_lifecycle.html
#     description: SEC11-BP02 Automate testing throughout the development and release lifecycle
# custom:
#   id: WA312
#   severity: high
#   level: reactive
#   check: presence
#   best_practices: [SEC06-BP01, SEC11-BP02]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Add dependency and container image scanning (for example Dependabot,
#     Trivy, Grype or the registry's scanner) to CI, fail builds on critical
#     findings, rescan deployed images on a schedule, and set
#     `build.dependency_scanning: true`.
#   applicability: Every service.
#   example: |-
#     build:
#       dependency_scanning: true
package archvet.rules.well_architected.sec_dependency_scanning

import rego.v1

import data.archvet.lib

scanning := object.get(input, ["build", "dependency_scanning"], null)

deny contains lib.finding(msg, "build.dependency_scanning") if {
	scanning == false
	msg := "dependencies and images are not scanned for known vulnerabilities"
}

unanswered contains lib.finding(msg, "build.dependency_scanning") if {
	scanning == null
	msg := "the design does not say whether dependencies and images are scanned for known vulnerabilities"
}
