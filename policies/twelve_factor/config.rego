# METADATA
# title: Configuration comes from the environment
# description: |-
#   Anything that differs between deploys (URLs of backing services,
#   credentials, feature settings) must be read at runtime from the environment
#   or a configuration service. Config baked into the artifact, or hard-coded,
#   means a new build per environment, so the artifact tested in staging is
#   not the one that runs in production, and credentials end up in the
#   repository.
# related_resources:
#   - ref: https://12factor.net/config
#     description: Twelve-Factor App, III. Config
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_dev_integ_config_mgmt.html
#     description: OPS05-BP03 Use configuration management systems
# custom:
#   id: TF003
#   severity: high
#   level: reactive
#   frameworks:
#     twelve-factor: config
#     well-architected: operational-excellence
#   remediation: |-
#     Read deploy-specific settings from environment variables or a config
#     service at startup and set `config.source: environment` (or
#     `config-service`). Keep one artifact for every environment.
#   applicability: Every service.
#   example: |-
#     config:
#       source: environment
package archvet.rules.twelve_factor.config

import rego.v1

deny contains finding if {
	source := object.get(input, ["config", "source"], "")
	source in {"files-in-artifact", "hardcoded"}
	finding := {
		"msg": sprintf("configuration is %s; read deploy-specific config from the environment", [source]),
		"path": "config.source",
	}
}

unanswered contains finding if {
	not input.config.source
	finding := {
		"msg": "the design does not say where configuration comes from",
		"path": "config.source",
	}
}
