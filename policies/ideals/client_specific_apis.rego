# METADATA
# title: Different kinds of client get contracts shaped for them
# description: |-
#   A browser, a mobile app and a partner integration want different things
#   from a service: payload size, release cadence, authentication, stability
#   promises. When all of them share one API, every change has to suit every
#   client at once, the contract grows fields that most callers ignore, and a
#   change made for one client breaks another. Giving each kind of client its
#   own contract, or a backend-for-frontend, keeps each interface small and
#   lets it evolve at its client's pace.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, interface segregation
#   - ref: https://samnewman.io/patterns/architectural/bff/
#     description: The backend-for-frontend pattern
# custom:
#   id: ID001
#   severity: medium
#   level: proactive
#   check: reasoning
#   frameworks:
#     ideals: interface-segregation
#     production-readiness: api-design
#   remediation: |-
#     Split the shared API by kind of client: one contract (or one
#     backend-for-frontend) for web, one for mobile, one for partners. Record
#     which client uses which API in `service.clients[].api` and
#     `apis[].clients`.
#   applicability: The service has clients of at least two different kinds.
#   example: |-
#     service:
#       name: catalogue
#       owner: catalogue-team
#       tier: 0
#       clients:
#         - name: storefront
#           kind: web
#           api: web-bff
#         - name: shop-app
#           kind: mobile
#           api: mobile-bff
#     apis:
#       - name: web-bff
#         clients: [storefront]
#       - name: mobile-bff
#         clients: [shop-app]
package archvet.rules.ideals.client_specific_apis

import rego.v1

import data.archvet.lib

clients := object.get(input, ["service", "clients"], [])

client_kinds contains kind if {
	some client in clients
	kind := client.kind
}

applicable if count(client_kinds) > 1

# listed holds when some API names the client in its clients list.
listed(client) if {
	some api in lib.apis
	client.name in object.get(api, "clients", [])
}

# serves(i, client) holds when apis[i] serves the client: the client names
# it, the API lists the client, or the client says nothing and the service
# has only one API, which it must then be using.
serves(i, client) if lib.apis[i].name == client.api

serves(i, client) if client.name in object.get(lib.apis[i], "clients", [])

serves(0, client) if {
	count(lib.apis) == 1
	not client.api
	not listed(client)
}

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	kinds := {client.kind |
		some client in clients
		client.kind
		serves(i, client)
	}
	count(kinds) > 1
	msg := sprintf(
		"api %q serves %s clients through one contract; give each kind its own api or backend-for-frontend",
		[api.name, concat(", ", sort(kinds))],
	)
	path := sprintf("apis[%d].clients", [i])
}
