# METADATA
# title: Code reads settings, not the name of the environment it runs in
# description: |-
#   Branching on the environment's name (if env == "staging") bundles many
#   independent settings into a few named groups that live in the code. Every
#   new environment (a second region, a load-test stack, a developer's
#   sandbox) then needs a code change, and production behaviour can only be
#   tested in production. Reading each setting on its own from the
#   environment keeps one artifact valid everywhere.
# related_resources:
#   - ref: https://12factor.net/config
#     description: Twelve-Factor App, III. Config
# custom:
#   id: TF008
#   severity: medium
#   level: proactive
#   check: presence
#   frameworks:
#     twelve-factor: config
#   remediation: |-
#     Replace checks on the environment's name with one configuration value per
#     behaviour (a URL, a timeout, a feature flag), read at startup, and set
#     `config.environment_groups_in_code: false`.
#   applicability: Every service; the rule fires only when the design says the code names environments.
#   example: |-
#     config:
#       source: environment
#       environment_groups_in_code: false
package archvet.rules.twelve_factor.no_environment_names_in_code

import rego.v1

import data.archvet.lib

unanswered contains lib.finding(msg, "config.environment_groups_in_code") if {
	object.get(input, ["config", "environment_groups_in_code"], null) == null
	msg := "the design does not say whether the code branches on the name of its environment"
}

deny contains lib.finding(msg, "config.environment_groups_in_code") if {
	object.get(input, ["config", "environment_groups_in_code"], null) == true
	msg := "the code branches on the environment's name instead of reading independent settings"
}
