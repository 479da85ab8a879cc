# METADATA
# title: No synchronous call cycle runs through the service, whatever its length
# description: |-
#   Services that call each other, directly or round a longer loop, cannot
#   be started, deployed or reasoned about one at a time. A slow answer
#   anywhere on the loop holds threads all the way round, retries travel
#   round it and multiply, and under load the loop feeds on itself until
#   every member falls over together. A single review can only say it
#   believes its dependency does not call back (`calls_back`, `call_depth`,
#   typed by hand); the reviews of the whole system show the real loops, of
#   any length, and show when those hand-typed facts are wrong. Each loop is
#   reported once, at the edge leaving its least critical member, the
#   cheapest place to cut it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_prevent_interaction_failure_loosely_coupled_system.html
#     description: REL04-BP02 Implement loosely coupled dependencies
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, loose coupling
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures
# custom:
#   id: SY002
#   severity: high
#   level: proactive
#   check: reasoning
#   scope: system
#   best_practices: [REL04-BP02]
#   frameworks:
#     ideals: loose-coupling
#     well-architected: reliability
#   remediation: |-
#     Cut the loop at the reported edge: publish an event the other side
#     consumes instead of calling it, make the call soft and asynchronous,
#     or move the shared responsibility into one service (or a third one
#     both call). Then correct `calls_back` and `call_depth`, or drop them:
#     in a system run archvet derives both from the reviews.
#   applicability: The review is checked as part of a system (several reviews, or --context) and declares dependencies.
#   example: |-
#     # _system is what archvet derives from the other reviews; it is not written by hand.
#     service: {name: checkout, tier: 0}
#     dependencies:
#       - name: payments
#         calls_back: false
#         call_depth: 2
#     _system:
#       dependencies:
#         - name: payments
#           reviewed: true
#           calls_back: false
#           call_depth: 2
#       cycles: []
package archvet.system.dependency_cycles

import rego.v1

import data.archvet.lib

# The review's place in the system, absent when it is checked alone.
system := object.get(input, "_system", null)

applicable if {
	system != null
	count(lib.dependencies) > 0
}

deny contains lib.finding_related(msg, path, related) if {
	some cycle in system.cycles
	dep := lib.dependencies[cycle.dependency]
	names := [hop.service | some hop in cycle.path]
	msg := sprintf(
		"dependency %q closes a synchronous call cycle of %d services: %s",
		[dep.name, count(names), concat(" -> ", array.concat(names, [names[0]]))],
	)
	path := sprintf("dependencies[%d]", [cycle.dependency])
	related := [{"msg": sprintf("%s calls %s here", [hop.service, names[(k + 1) % count(names)]]), "at": hop.at} |
		some k, hop in cycle.path
		k > 0
	]
}

# The dependency calls this service back, though the review says it does
# not: the system shows a two-service cycle at this edge, or the callee's
# review depends on this service.
deny contains lib.finding_related(msg, path, related) if {
	some i, dep in lib.dependencies
	dep.calls_back == false
	calls_back(i)
	msg := sprintf("the review says dependency %q does not call this service, but its own review calls it back", [dep.name])
	path := sprintf("dependencies[%d].calls_back", [i])
	related := call_back_related(system.cycles, i, system.dependencies[i], dep.name)
}

deny contains lib.finding_related(msg, path, related) if {
	some i, dep in lib.dependencies
	dep.calls_back == true
	derived := system.dependencies[i]
	derived.calls_back == false
	msg := sprintf("the review says dependency %q calls this service back, but its own review does not call it", [dep.name])
	path := sprintf("dependencies[%d].calls_back", [i])
	related := [{"msg": sprintf("%s is reviewed here", [dep.name]), "at": derived.callee.at}]
}

deny contains lib.finding_related(msg, path, related) if {
	some i, dep in lib.dependencies
	is_number(dep.call_depth)
	derived := system.dependencies[i]
	is_number(derived.call_depth)
	dep.call_depth != derived.call_depth
	msg := sprintf(
		"the review says the synchronous chain behind %q is %d hop(s) deep, but the reviews of the system make it %d",
		[dep.name, dep.call_depth, derived.call_depth],
	)
	path := sprintf("dependencies[%d].call_depth", [i])
	related := [{"msg": sprintf("%s is reviewed here", [dep.name]), "at": derived.callee.at}]
}

# Whether the callee of dependency i calls this service.
calls_back(i) if two_service_cycle(system.cycles, i)

calls_back(i) if system.dependencies[i].calls_back == true

# The cycle reported at dependency i, when it has two services.
two_service_cycle(cycles, i) := cycle if {
	some cycle in cycles
	cycle.dependency == i
	count(cycle.path) == 2
}

# Where the callee calls back: its edge of the cycle, or the position the
# system gives, or else the callee's review itself.
call_back_related(cycles, i, edge, name) := [{"msg": sprintf("%s calls this service here", [name]), "at": cycle.path[1].at}] if {
	cycle := two_service_cycle(cycles, i)
} else := [{"msg": sprintf("%s calls this service here", [name]), "at": edge.calls_back_at}] if {
	edge.calls_back_at
} else := [{"msg": sprintf("%s is reviewed here and depends on this service", [name]), "at": edge.callee.at}]
