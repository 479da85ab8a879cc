# METADATA
# title: Retries are capped by a small attempt count or a retry budget
# description: |-
#   Each retry is extra load on a dependency that is already failing, and
#   retries compound across layers: three attempts at each of three hops is
#   twenty-seven calls at the bottom of the chain. A retry budget, a ceiling
#   on retries as a share of all calls, keeps the extra load small however
#   bad the outage gets. Without one, a policy should allow only a handful
#   of attempts; critical services calling into deep synchronous chains need
#   a budget either way, and a budget of more than a fifth of traffic hardly
#   limits anything.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp03.html
#     description: REL05-BP03 Control and limit retry calls
#   - ref: https://sre.google/sre-book/handling-overload/
#     description: Google SRE book, Handling Overload (per-request and per-client retry budgets)
# custom:
#   id: PR207
#   severity: medium
#   level: strategic
#   check: reasoning
#   params:
#     max_unbudgeted_attempts:
#       description: most attempts per call accepted without a retry budget
#       value: 5
#     max_budget_percent:
#       description: largest retry budget, as a share of calls, that still limits a retry storm
#       value: 20
#   best_practices: [REL05-BP03]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Keep `dependencies[].retries.max_attempts` at 5 or fewer, and give the
#     client a retry budget (for example retries may add at most 10% to the
#     calls made) recorded as `dependencies[].retries.budget_percent`. For a
#     tier 0 or 1 service, set a budget on every dependency that sits in
#     front of more than one synchronous hop.
#   applicability: At least one dependency retries failed calls (a retry policy allowing more than one attempt, or not saying how many).
#   example: |-
#     dependencies:
#       - name: payments
#         call_depth: 3
#         retries:
#           max_attempts: 3
#           budget_percent: 10
package archvet.rules.production_readiness.resilience_retry_budget

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

# Dependencies whose calls are retried: a retry policy that allows more than
# one attempt, or that does not bound the attempts at all.
retrying contains [i, dep] if {
	some i, dep in lib.dependencies
	retries := object.get(dep, "retries", null)
	retries != null
	object.get(retries, "max_attempts", 2) > 1
}

applicable if count(retrying) > 0

unanswered contains lib.finding(msg, path) if {
	some [i, dep] in retrying
	attempts := object.get(dep.retries, "max_attempts", 0)
	attempts > params.max_unbudgeted_attempts
	object.get(dep.retries, "budget_percent", null) == null
	msg := sprintf(
		"the design does not say what retry budget limits calls to dependency %q, which allow %d attempts, more than %d",
		[dep.name, attempts, params.max_unbudgeted_attempts],
	)
	path := sprintf("dependencies[%d].retries.max_attempts", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, dep] in retrying
	budget := object.get(dep.retries, "budget_percent", 0)
	budget > params.max_budget_percent
	msg := sprintf(
		"the retry budget for dependency %q lets retries add %v%% to its calls; keep it at %d%% or less",
		[dep.name, budget, params.max_budget_percent],
	)
	path := sprintf("dependencies[%d].retries.budget_percent", [i])
}

unanswered contains lib.finding(msg, path) if {
	lib.critical
	some [i, dep] in retrying
	object.get(dep, "interaction", "sync") == "sync"
	depth := object.get(dep, "call_depth", 1)
	depth > 1
	object.get(dep.retries, "max_attempts", 0) <= params.max_unbudgeted_attempts
	object.get(dep.retries, "budget_percent", null) == null
	msg := sprintf(
		"the design does not say what retry budget limits retries to dependency %q, which can multiply through %d synchronous hops",
		[dep.name, depth],
	)
	path := sprintf("dependencies[%d].retries.budget_percent", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, dep] in retrying
	object.get(dep.retries, "max_attempts", null) == null
	object.get(dep.retries, "budget_percent", null) == null
	msg := sprintf("the design does not say how many attempts calls to dependency %q may make, nor what retry budget limits them", [dep.name])
	path := sprintf("dependencies[%d].retries.max_attempts", [i])
}
