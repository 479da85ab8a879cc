# METADATA
# title: Secrets the review keeps in a secret store are not written into the manifests
# description: |-
#   A password typed as a literal `env` value in a Deployment is committed
#   to the repository, copied to every clone and CI log, and readable by
#   everyone who can read the manifest in the cluster; it is rotated by
#   editing files. A review that says secrets live in Vault and never in
#   the repository passes the secrets rules on its word alone. This rule
#   holds `config.secrets.in_repository` and `config.secrets.store`
#   against the manifests' environment variables whose names say secret
#   (password, token, key) and whose values are literals rather than
#   Secret references.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_identities_secrets.html
#     description: SEC02-BP03 Store and use secrets securely
#   - ref: https://12factor.net/config
#     description: Twelve-Factor App, III. Config
#   - ref: https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
#     description: Kubernetes, Using Secrets as environment variables
# custom:
#   id: CL012
#   best_practices: [SEC02-BP03]
#   severity: critical
#   check: reasoning
#   level: reactive
#   frameworks:
#     well-architected: security
#     twelve-factor: config
#     production-readiness: security
#   remediation: |-
#     Rotate every secret found as a literal (it is in the repository's
#     history), move it to the store the review names and read it with
#     `valueFrom.secretKeyRef` or the store's injector; or correct
#     `config.secrets` so that the secrets rules report the gap.
#   applicability: |-
#     Reviews that state `config.secrets.in_repository: false` or a secret
#     store. Without manifests the claims stay unverified.
#     It applies only when the review has Kubernetes manifests among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     config:
#       secrets:
#         store: vault
#         in_repository: false
package archvet.rules.claims.literal_secrets

import rego.v1

import data.archvet.lib

secrets := object.get(input, ["config", "secrets"], {})

# Stores that keep secrets out of the manifests; environment, files and
# the repository are where literals live.
stores := {"vault", "aws-secrets-manager", "gcp-secret-manager", "azure-key-vault", "kubernetes-secrets"}

stated contains ["config.secrets.in_repository", false] if secrets.in_repository == false

stated contains ["config.secrets.store", secrets.store] if secrets.store in stores

# Without kubernetes in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("kubernetes")
	count(stated) > 0
}

# Every workload of the repository counts: a literal in any manifest is
# in the repository.
evidence contains {"path": path, "claimed": claimed, "workload": w, "fact": w.facts.literal_secret_env} if {
	some [path, claimed] in stated
	some w in lib.workloads
}

compared(e) := [none, true] if {
	is_array(e.fact.value)
	none := count(e.fact.value) == 0
}

observed("config.secrets.in_repository") := "as literal env values, committed with the manifest"

observed("config.secrets.store") := "from literal env values, not from the store"

judged contains {"path": e.path, "fact": e.fact, "compared": compared(e), "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says %v, but %s sets %s %s", [
		e.path, e.claimed, lib.workload_label(e.workload),
		concat(", ", e.fact.value), observed(e.path),
	])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)
