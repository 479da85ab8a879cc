# METADATA
# title: Secrets are kept out of the repository and out of config files
# description: |-
#   Credentials committed to a repository are readable by everyone with access
#   to it, survive in its history after they are deleted, and travel with
#   every clone, fork and build log. Secrets in config files shipped with the
#   code leak the same way and cannot be rotated without a release. Keeping
#   them in a secret store or injecting them into the environment at deploy
#   time limits who can read them and lets them change without a new build.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_identities_secrets.html
#     description: SEC02-BP03 Store and use secrets securely
#   - ref: https://12factor.net/config
#     description: Twelve-Factor App, III. Config
# custom:
#   id: TF007
#   severity: critical
#   level: reactive
#   check: threshold
#   best_practices: [SEC02-BP03]
#   frameworks:
#     twelve-factor: config
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Move every secret into a secret manager (Vault, AWS Secrets Manager,
#     GCP Secret Manager, Azure Key Vault, Kubernetes secrets) or inject it as
#     an environment variable at deploy time, set `config.secrets.store`
#     accordingly, rotate every secret that was ever committed, and purge it
#     from the repository history. Add secret scanning to CI so it does not
#     come back.
#   applicability: Every service. A service with no secrets at all sets the store to none.
#   example: |-
#     config:
#       source: environment
#       secrets:
#         store: vault
#         in_repository: false
package archvet.rules.twelve_factor.secrets_outside_repository

import rego.v1

import data.archvet.lib

store := object.get(input, ["config", "secrets", "store"], "")

deny contains lib.finding(msg, "config.secrets.in_repository") if {
	object.get(input, ["config", "secrets", "in_repository"], false) == true
	msg := "a secret is committed to the repository; rotate it and move it to a secret store"
}

deny contains lib.finding(msg, "config.secrets.store") if {
	store in {"repository", "config-files"}
	msg := sprintf("secrets are kept in %s, where anyone with the code can read them", [store])
}

unanswered contains lib.finding(msg, "config.secrets.store") if {
	store == ""
	msg := "the design does not say where secrets are kept"
}

unanswered contains lib.finding(msg, "config.secrets.in_repository") if {
	object.get(input, ["config", "secrets", "in_repository"], null) == null
	msg := "the design does not say whether any secret is committed to the repository"
}
