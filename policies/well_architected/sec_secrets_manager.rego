# METADATA
# title: Secrets live in a dedicated secrets manager
# description: |-
#   Secrets passed as plain environment variables show up in process
#   listings, crash dumps, debug endpoints and deploy logs, and nothing
#   records who read them. A secrets manager encrypts them with managed keys,
#   audits every read, scopes access per workload and makes rotation routine.
#   Kubernetes secrets are only base64-encoded unless the cluster encrypts
#   etcd and restricts who may read them, which is acceptable for lower tiers
#   but not for a service that carries revenue or other services.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_identities_secrets.html
#     description: SEC02-BP03 Store and use secrets securely
#   - ref: https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html
#     description: OWASP Secrets Management Cheat Sheet
# custom:
#   id: WA306
#   severity: medium
#   level: proactive
#   check: threshold
#   best_practices: [SEC02-BP03]
#   params:
#     accepted_stores:
#       description: secret stores (config.secrets.store) accepted at the tier, among the managers, the environment and Kubernetes secrets
#       tiers:
#         - [vault, aws-secrets-manager, gcp-secret-manager, azure-key-vault]
#         - [vault, aws-secrets-manager, gcp-secret-manager, azure-key-vault]
#         - [vault, aws-secrets-manager, gcp-secret-manager, azure-key-vault, kubernetes-secrets]
#         - [vault, aws-secrets-manager, gcp-secret-manager, azure-key-vault, kubernetes-secrets, environment]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Keep secrets in Vault, AWS Secrets Manager, GCP Secret Manager or Azure
#     Key Vault, have the service (or a sidecar) fetch them with its own
#     workload identity, and set `config.secrets.store` accordingly. Secrets
#     kept in the repository or in config files are reported by TF007.
#   applicability: |-
#     The service keeps its secrets in a secrets manager, the environment or
#     Kubernetes secrets; the stores TF007 reports are left to it. By
#     default the environment fails at tiers 0 to 2, Kubernetes secrets at
#     tiers 0 and 1.
#   example: |-
#     config:
#       secrets:
#         store: aws-secrets-manager
package archvet.rules.well_architected.sec_secrets_manager

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

store := object.get(input, ["config", "secrets", "store"], "")

managers := {"vault", "aws-secrets-manager", "gcp-secret-manager", "azure-key-vault"}

# Stores TF007 already reports (repository, config files, none said) are left to it.
applicable if store in managers

applicable if weak_stores[store]

# The weaker stores this rule judges, as a message names them.
weak_stores := {"environment": "environment variables", "kubernetes-secrets": "kubernetes secrets"}

deny contains lib.finding(msg, "config.secrets.store") if {
	words := weak_stores[store]
	not store in params.accepted_stores
	msg := sprintf("secrets are kept in %s; a tier %d service should read them from a secrets manager", [words, lib.tier])
}

# An organisation that narrows the accepted managers (to the one it runs,
# say) is told which of them this service should use.
deny contains lib.finding(msg, "config.secrets.store") if {
	store in managers
	not store in params.accepted_stores
	msg := sprintf(
		"secrets are kept in %s, which a tier %d service does not use; accepted: %s",
		[store, lib.tier, concat(", ", params.accepted_stores)],
	)
}
