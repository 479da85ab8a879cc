# METADATA
# title: Public APIs sit behind a web application firewall and DDoS protection
# description: |-
#   Anything on the internet is scanned, probed and occasionally flooded
#   within hours of going live. A web application firewall filters known
#   attack patterns, abusive bots and malformed requests before they reach
#   the code, and DDoS protection absorbs volumetric floods that no amount of
#   autoscaling can pay for. Both belong in front of every public API.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_network_protection_inspection.html
#     description: SEC05-BP03 Implement inspection-based protection
#   - ref: https://google.github.io/building-secure-and-reliable-systems/raw/ch10.html
#     description: Building Secure and Reliable Systems, chapter 10, Mitigating Denial-of-Service Attacks
# custom:
#   id: WA309
#   severity: high
#   level: reactive
#   check: presence
#   best_practices: [SEC05-BP03]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Put public APIs behind a CDN or gateway with a managed WAF rule set and
#     the provider's DDoS protection (for example AWS WAF and Shield, Cloud
#     Armor, Azure Front Door), then set `security.edge.waf: true` and
#     `security.edge.ddos_protection: true`.
#   applicability: The service has at least one public API.
#   example: |-
#     apis:
#       - name: storefront
#         exposure: public
#     security:
#       edge:
#         waf: true
#         ddos_protection: true
package archvet.rules.well_architected.sec_edge_protection

import rego.v1

import data.archvet.lib

public_apis contains api.name if {
	some api in lib.apis
	object.get(api, "exposure", "") == "public"
}

applicable if count(public_apis) > 0

names := concat(", ", sort(public_apis))

controls := {
	"waf": "a web application firewall",
	"ddos_protection": "ddos protection",
}

deny contains lib.finding(msg, sprintf("security.edge.%s", [field])) if {
	applicable
	some field, control in controls
	object.get(input, ["security", "edge", field], null) == false
	msg := sprintf("public apis (%s) are not behind %s", [names, control])
}

unanswered contains lib.finding(msg, sprintf("security.edge.%s", [field])) if {
	applicable
	some field, control in controls
	object.get(input, ["security", "edge", field], null) == null
	msg := sprintf("the design does not say whether public apis (%s) are behind %s", [names, control])
}
