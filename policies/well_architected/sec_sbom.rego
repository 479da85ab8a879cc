# METADATA
# title: Critical services publish a software bill of materials with every artifact
# description: |-
#   When the next widely used library turns out to be exploitable, the first
#   question is which running services contain it. A software bill of
#   materials produced by the build answers that in minutes instead of days
#   of grepping repositories, and lets scanners keep checking artifacts that
#   are already deployed. Tier 0 and 1 services cannot afford the slow
#   answer.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_compute_vulnerability_management.html
#     description: SEC06-BP01 Perform vulnerability management
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_appsec_centralize_services_for_packages_and_dependencies.html
#     description: SEC11-BP05 Centralize services for packages and dependencies
#   - ref: https://www.cisa.gov/sbom
#     description: CISA, Software Bill of Materials
# custom:
#   id: WA314
#   severity: low
#   level: strategic
#   check: presence
#   best_practices: [SEC06-BP01, SEC11-BP05]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Generate an SBOM (SPDX or CycloneDX, for example with Syft) in CI for
#     every artifact, store it with the artifact or as an attestation, feed it
#     to vulnerability monitoring, and set `build.artifact.sbom: true`.
#   applicability: Tier 0 and 1 services.
#   example: |-
#     build:
#       artifact:
#         kind: container-image
#         sbom: true
package archvet.rules.well_architected.sec_sbom

import rego.v1

import data.archvet.lib

applicable if lib.critical

sbom := object.get(input, ["build", "artifact", "sbom"], null)

deny contains lib.finding(msg, "build.artifact.sbom") if {
	applicable
	sbom == false
	msg := sprintf("artifacts of this tier %d service ship without a software bill of materials", [lib.tier])
}

unanswered contains lib.finding(msg, "build.artifact.sbom") if {
	applicable
	sbom == null
	msg := "the design does not say whether a software bill of materials is produced with each artifact"
}
