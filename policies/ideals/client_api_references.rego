# METADATA
# title: Every client names its kind and an API that exists
# description: |-
#   Interface segregation can only be judged when the design says who calls
#   which interface. A client with no kind, a client pointing at an API the
#   service does not offer, or an API listing a client nobody declared, means
#   the map of consumers is wrong, and with it every decision about which
#   contract may change and who must be told. Keeping both sides of the link
#   in step makes breaking changes visible before they ship.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, interface segregation
# custom:
#   id: ID002
#   severity: medium
#   level: proactive
#   check: reasoning
#   frameworks:
#     ideals: interface-segregation
#     production-readiness: api-design
#   remediation: |-
#     Give every entry in `service.clients` a `kind` and an `api` that matches
#     the name of an entry in `apis`, and list in `apis[].clients` only names
#     that appear in `service.clients`.
#   applicability: The service declares at least one client.
#   example: |-
#     service:
#       name: catalogue
#       owner: catalogue-team
#       tier: 0
#       clients:
#         - name: storefront
#           kind: web
#           api: web-bff
#     apis:
#       - name: web-bff
#         clients: [storefront]
package archvet.rules.ideals.client_api_references

import rego.v1

import data.archvet.lib

clients := object.get(input, ["service", "clients"], [])

api_names contains api.name if some api in lib.apis

client_names contains client.name if some client in clients

applicable if count(clients) > 0

listed(client) if {
	some api in lib.apis
	client.name in object.get(api, "clients", [])
}

unanswered contains lib.finding(msg, path) if {
	some j, client in clients
	not client.kind
	msg := sprintf("the design does not say what kind of client %q is", [client.name])
	path := sprintf("service.clients[%d].kind", [j])
}

unanswered contains lib.finding(msg, path) if {
	some j, client in clients
	not client.api
	not listed(client)
	msg := sprintf("the design does not say which api client %q uses", [client.name])
	path := sprintf("service.clients[%d].api", [j])
}

deny contains lib.finding(msg, path) if {
	some j, client in clients
	client.api
	not client.api in api_names
	msg := sprintf("client %q uses api %q, which is not in apis", [client.name, client.api])
	path := sprintf("service.clients[%d].api", [j])
}

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	some k, name in object.get(api, "clients", [])
	not name in client_names
	msg := sprintf("api %q lists client %q, which is not in service.clients", [api.name, name])
	path := sprintf("apis[%d].clients[%d]", [i, k])
}
