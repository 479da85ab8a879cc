# METADATA
# title: A service the review calls least-privileged does not run as root or with a writable root file system
# description: |-
#   Least privilege is not only the permissions of the service's cloud
#   identity. A container that runs as root, or can write to its own root
#   file system, hands an attacker who finds one remote-code bug the means
#   to install tools, tamper with the binary and try the kernel's escape
#   routes. A review that claims `security.least_privilege` passes the
#   security rules on its word; this rule holds the claim against the
#   security context of the service's workload: `runAsNonRoot` and
#   `readOnlyRootFilesystem`.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_permissions_least_privileges.html
#     description: SEC03-BP02 Grant least privilege access
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
#     description: Kubernetes, Pod Security Standards (restricted)
# custom:
#   id: CL011
#   best_practices: [SEC03-BP02]
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Set `securityContext.runAsNonRoot: true` and
#     `readOnlyRootFilesystem: true` on the service's containers (mount an
#     emptyDir where it must write), or correct `security.least_privilege`
#     to false so that the security rules report the gap.
#   applicability: |-
#     Reviews that state `security.least_privilege: true`. Without
#     manifests for the service the claim stays unverified.
#     It applies only when the review has Kubernetes manifests among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     security:
#       least_privilege: true
package archvet.rules.claims.security_context

import rego.v1

import data.archvet.lib

path := "security.least_privilege"

stated contains [path, true] if input.security.least_privilege == true

# Without kubernetes in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("kubernetes")
	count(stated) > 0
}

evidence contains {"path": path, "key": key, "fact": fact} if {
	applicable
	some key in ["run_as_non_root", "read_only_root_filesystem"]
	fact := lib.service_workload.facts[key]
}

observed(e) := "may run as root (runAsNonRoot is not true)" if e.key == "run_as_non_root"

observed(e) := "has a writable root file system (readOnlyRootFilesystem is not true)" if e.key == "read_only_root_filesystem"

judged contains {"path": path, "fact": e.fact, "compared": [e.fact.value, true], "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says true, but %s %s", [path, lib.workload_label(lib.service_workload), observed(e)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)
