# METADATA
# title: Every data store is an attached resource located through config
# description: |-
#   A database, cache or queue should be a resource the service is pointed at,
#   not an address written into its code. Then a failed primary can be
#   replaced by a replica, a local instance by a managed one, or staging's
#   store by production's, just by changing configuration. A hard-coded
#   address turns each of those into a code change and a redeploy, often in
#   the middle of an incident.
# related_resources:
#   - ref: https://12factor.net/backing-services
#     description: Twelve-Factor App, IV. Backing services
# custom:
#   id: TF009
#   severity: high
#   level: reactive
#   check: threshold
#   frameworks:
#     twelve-factor: backing-services
#   remediation: |-
#     Read each store's URL or connection string from configuration (or
#     resolve it through service discovery) and set
#     `attached_by: url-in-config` or `service-discovery` on the store.
#   applicability: The service declares at least one data store.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         attached_by: url-in-config
package archvet.rules.twelve_factor.backing_services_attached

import rego.v1

import data.archvet.lib

applicable if count(lib.data_stores) > 0

deny contains lib.finding(msg, path) if {
	some i, store in lib.data_stores
	object.get(store, "attached_by", "") == "hardcoded"
	msg := sprintf("data store %q is hard-coded; swapping it needs a code change", [store.name])
	path := sprintf("data_stores[%d].attached_by", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, store in lib.data_stores
	not store.attached_by
	msg := sprintf("the design does not say how the service finds data store %q", [store.name])
	path := sprintf("data_stores[%d].attached_by", [i])
}
