# METADATA
# title: The service embeds its server and listens on a declared port
# description: |-
#   A service that brings its own HTTP or gRPC server and binds a port is
#   complete in itself: the same artifact runs on a laptop, in a container
#   and behind any router, and can in turn be a backing service for others.
#   One injected into an application server or web server at run time
#   depends on how that host is set up, which differs between environments.
#   A declared port also tells the platform where to route traffic and probe
#   health.
# related_resources:
#   - ref: https://12factor.net/port-binding
#     description: Twelve-Factor App, VII. Port binding
# custom:
#   id: TF017
#   severity: medium
#   level: proactive
#   check: presence
#   frameworks:
#     twelve-factor: port-binding
#   remediation: |-
#     Embed the server library in the service (for example net/http, Jetty,
#     Uvicorn), read the port from the environment, and record it under
#     `processes.port_binding` with `self_contained: true`.
#   applicability: |-
#     Services that serve requests (declare APIs, clients or a port binding),
#     except on serverless platforms, where the platform invokes the code and
#     nothing binds a port.
#   example: |-
#     apis:
#       - name: orders
#         style: rest
#     processes:
#       port_binding:
#         self_contained: true
#         port: 8080
#         protocol: http
package archvet.rules.twelve_factor.port_binding

import rego.v1

import data.archvet.lib

serves_requests if count(lib.apis) > 0

serves_requests if count(object.get(input, ["service", "clients"], [])) > 0

serves_requests if object.get(input, ["processes", "port_binding"], null) != null

applicable if {
	serves_requests
	object.get(input, ["deployment", "platform"], "") != "serverless"
}

deny contains lib.finding(msg, "processes.port_binding.self_contained") if {
	applicable
	object.get(input, ["processes", "port_binding", "self_contained"], null) == false
	msg := "the service is injected into a server at run time instead of embedding its own"
}

unanswered contains lib.finding(msg, "processes.port_binding.self_contained") if {
	applicable
	object.get(input, ["processes", "port_binding", "self_contained"], null) == null
	msg := "the design does not say whether the service embeds its own server"
}

unanswered contains lib.finding(msg, "processes.port_binding.port") if {
	applicable
	object.get(input, ["processes", "port_binding", "port"], null) == null
	msg := "the design does not say which port the service listens on"
}
