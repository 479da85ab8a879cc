# METADATA
# title: Configuration comes from the environment
# description: |-
#   Anything that differs between deploys (URLs of backing services,
#   credentials, feature settings) must be read at runtime from the environment
#   or a configuration service. Config baked into the artifact, or hard-coded,
#   means a new build per environment, so the artifact tested in staging is
#   not the one that runs in production, and credentials end up in the
#   repository. Config read from outside the artifact can, however, be wrong
#   in one environment only; a service that validates it at startup and
#   refuses to start fails the deploy, where one that does not fails on the
#   first request that needs the bad value.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_dev_integ_config_mgmt.html
#     description: OPS05-BP03 Use configuration management systems
#   - ref: https://12factor.net/config
#     description: Twelve-Factor App, III. Config
# custom:
#   id: TF003
#   severity: high
#   level: reactive
#   check: reasoning
#   best_practices: [OPS05-BP03]
#   frameworks:
#     twelve-factor: config
#     well-architected: operational-excellence
#   remediation: |-
#     Read deploy-specific settings from environment variables or a config
#     service at startup and set `config.source: environment` (or
#     `config-service`). Keep one artifact for every environment. Validate
#     the settings when the process starts, refuse to start on a bad value,
#     and set `config.validated_at_startup: true`.
#   applicability: Every service.
#   example: |-
#     config:
#       source: environment
#       validated_at_startup: true
package archvet.rules.twelve_factor.config

import rego.v1

import data.archvet.lib

source := object.get(input, ["config", "source"], null)

validated := object.get(input, ["config", "validated_at_startup"], null)

deny contains lib.finding(msg, "config.source") if {
	source in {"files-in-artifact", "hardcoded"}
	msg := sprintf("configuration is %s; read deploy-specific config from the environment", [source])
}

# Config that arrives from outside the artifact is only safe when a bad
# value stops the deploy rather than the first request that reads it.
deny contains lib.finding(msg, "config.validated_at_startup") if {
	source in {"environment", "config-service"}
	validated == false
	msg := sprintf("configuration comes from the %s but is not validated at startup, so a bad value surfaces only when a request reads it", [source])
}

unanswered contains lib.finding(msg, "config.source") if {
	source == null
	msg := "the design does not say where configuration comes from"
}

unanswered contains lib.finding(msg, "config.validated_at_startup") if {
	validated == null
	msg := "the design does not say whether the service validates its configuration at startup"
}
