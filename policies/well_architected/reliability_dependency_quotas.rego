# METADATA
# title: Provider quotas carry the peak, retries included, with a margin
# description: |-
#   Every third-party API and managed service enforces a quota or rate limit
#   on its callers, and it is enforced whatever the design assumed: at the
#   peak the provider starts refusing calls, the service retries, and the
#   retries make the refusals worse. The rate the service may send a
#   dependency is the peak request rate times the attempts each call may
#   make; the quota has to carry that with a margin for growth and
#   misbehaving clients. A design that calls a provider without knowing its
#   quota has not checked this at all.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_manage_service_limits_aware_quotas_and_constraints.html
#     description: REL01-BP01 Aware of service quotas and constraints
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_manage_service_limits_suff_buffer_limits.html
#     description: REL01-BP06 Ensure that a sufficient gap exists between the current quotas and the maximum usage to accommodate failover
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (retry amplification)
# custom:
#   id: WA400
#   severity: high
#   level: proactive
#   check: reasoning
#   best_practices: [REL01-BP01, REL01-BP06]
#   params:
#     min_quota_margin_percent:
#       description: spare quota required above the worst-case rate sent to a provider, in percent
#       tiers: [50, 30, 20, 0]
#   frameworks:
#     well-architected: reliability
#     production-readiness: capacity
#   remediation: |-
#     Look up the quota or rate limit each provider grants the service and
#     record it as `dependencies[].quota_rps`. If the peak
#     (`capacity.peak_rps`) times `retries.max_attempts`, plus the tier's
#     margin, exceeds it, ask the provider for a higher quota, cache or batch
#     the calls, or lower the attempts.
#   applicability: The service calls a third-party or managed dependency synchronously, or states a quota for one of its dependencies.
#   example: |-
#     capacity:
#       peak_rps: 200
#     dependencies:
#       - name: payments
#         kind: third-party
#         build_or_buy: buy
#         interaction: sync
#         retries:
#           max_attempts: 2
#         quota_rps: 1000
package archvet.rules.well_architected.reliability_dependency_quotas

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

peak := object.get(input, ["capacity", "peak_rps"], null)

# Providers whose limits the service does not set itself.
provided(dep) if object.get(dep, "kind", "") in {"third-party", "managed-service"}

provided(dep) if object.get(dep, "build_or_buy", "") == "buy"

checked contains [i, dep] if {
	some [i, dep] in lib.sync_dependencies
	provided(dep)
}

checked contains [i, dep] if {
	some i, dep in lib.dependencies
	object.get(dep, "quota_rps", null) != null
}

applicable if count(checked) > 0

# The most the service may send: every request at the peak calls the
# dependency, and each call may be attempted max_attempts times.
demand(dep) := peak * max([1, object.get(dep, ["retries", "max_attempts"], 1)])

deny contains lib.finding(msg, path) if {
	peak != null
	some [i, dep] in checked
	quota := object.get(dep, "quota_rps", null)
	quota != null

	# Compared in hundredths, so a margin such as 30% does not pick up
	# floating-point noise at the boundary.
	demand(dep) * (100 + params.min_quota_margin_percent) > quota * 100
	needed := (demand(dep) * (100 + params.min_quota_margin_percent)) / 100
	msg := sprintf(
		"at the peak of %v rps with up to %v attempts per call the service may send %v rps to %q; with a %v%% margin that needs %v, above its quota of %v",
		[peak, max([1, object.get(dep, ["retries", "max_attempts"], 1)]), demand(dep), dep.name, params.min_quota_margin_percent, needed, quota],
	)
	path := sprintf("dependencies[%d].quota_rps", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, dep] in checked
	object.get(dep, "quota_rps", null) == null
	msg := sprintf("the design does not say what request rate provider %q allows the service", [dep.name])
	path := sprintf("dependencies[%d].quota_rps", [i])
}

unanswered contains lib.finding(msg, "capacity.peak_rps") if {
	applicable
	peak == null
	msg := "the design does not say the peak request rate, so provider quotas cannot be checked against it"
}
