# METADATA
# title: Critical services deploy only signed, verified artifacts
# description: |-
#   If anything can be pushed to the registry and deployed, a stolen CI token
#   or a compromised build step is enough to run an attacker's code in
#   production. Signing artifacts in the trusted pipeline and verifying the
#   signature at deploy time ties what runs to what was built and reviewed.
#   For tier 0 and 1 services the supply chain deserves the same protection
#   as the runtime.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_compute_validate_software_integrity.html
#     description: SEC06-BP04 Validate software integrity
#   - ref: https://google.github.io/building-secure-and-reliable-systems/raw/ch14.html
#     description: Building Secure and Reliable Systems, chapter 14, Deploying Code
#   - ref: https://slsa.dev/spec/v1.0/levels
#     description: SLSA build levels
# custom:
#   id: WA313
#   severity: medium
#   level: strategic
#   check: presence
#   best_practices: [SEC06-BP04]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Sign every artifact in CI (for example with Sigstore cosign or the
#     registry's signing service), enforce verification in the deploy path or
#     with an admission controller, and set `build.artifact.signed: true`.
#   applicability: Tier 0 and 1 services.
#   example: |-
#     build:
#       artifact:
#         kind: container-image
#         signed: true
package archvet.rules.well_architected.sec_signed_artifacts

import rego.v1

import data.archvet.lib

applicable if lib.critical

signed := object.get(input, ["build", "artifact", "signed"], null)

deny contains lib.finding(msg, "build.artifact.signed") if {
	applicable
	signed == false
	msg := sprintf("artifacts of this tier %d service are not signed and verified before deploy", [lib.tier])
}

unanswered contains lib.finding(msg, "build.artifact.signed") if {
	applicable
	signed == null
	msg := "the design does not say whether artifacts are signed and verified before deploy"
}
