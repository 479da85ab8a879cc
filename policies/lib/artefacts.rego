# Shared views of the artefacts beside a review: the Terraform, Kubernetes
# manifests and OpenAPI specs that archvet reads in Go into
# input._artefacts. The claim rules (policies/claims) match them to the
# review's services, stores and APIs here, the same way in every rule,
# and build their ledger with one function, so that a claim has one
# status however many artefacts speak to it.
package archvet.lib

import rego.v1

artefacts := object.get(input, "_artefacts", {})

terraform_resources := object.get(artefacts, ["terraform", "resources"], [])

workloads := object.get(artefacts, ["kubernetes", "workloads"], [])

disruption_budgets := object.get(artefacts, ["kubernetes", "disruption_budgets"], [])

autoscalers := object.get(artefacts, ["kubernetes", "autoscalers"], [])

openapi_specs := object.get(artefacts, ["openapi", "specs"], [])

# read holds when archvet read artefacts of the kind (terraform,
# kubernetes, openapi) for the review: a claim rule applies only then.
read(kind) if artefacts[kind]

# Manifests were read and none was skipped: only then does a missing
# PodDisruptionBudget or autoscaler say something, since a skipped Helm
# template may hold it.
manifests_complete if {
	artefacts.kubernetes
	count(object.get(artefacts, ["kubernetes", "skipped"], [])) == 0
}

# Names are compared as people write them: orders-db, orders_db and
# Orders-DB are one store.
normal_name(s) := replace(lower(s), "_", "-")

same_name(a, b) if normal_name(a) == normal_name(b)

# The Terraform resources that implement a data store of the review.
store_resources(store) := [r |
	some r in terraform_resources
	same_name(r.name, store.name)
]

# known holds when an artefact states a literal: an expression (a
# variable, a function call) is unknown and never contradicts a claim.
known(fact) if {
	not fact.unknown
	"value" in object.keys(fact)
}

# shown renders a fact's value for a message, saying so when the
# artefact leaves the setting out and its documented default applies.
shown(fact) := sprintf("%v (the default, as the setting is left out)", [fact.value]) if {
	fact["default"] == true
} else := sprintf("%v", [fact.value])

_deployable := [w | some w in workloads; w.kind in {"Deployment", "StatefulSet"}]

_named_workloads := [w |
	some w in _deployable
	same_name(w.name, object.get(input, ["service", "name"], ""))
]

# The service's own workload: the Deployment or StatefulSet named like
# the service, else the only one there is.
service_workload := _named_workloads[0] if count(_named_workloads) == 1

service_workload := _deployable[0] if {
	count(_named_workloads) == 0
	count(_deployable) == 1
}

# The autoscalers whose scaleTargetRef is the service's workload.
service_autoscalers := [a |
	some a in autoscalers
	normal_name(a.target) == normal_name(sprintf("%s/%s", [service_workload.kind, service_workload.name]))
]

# The disruption budgets of the service's workload: those whose selector
# its pod labels match, or named like it; else the only one there is,
# else none.
default service_disruption_budgets := []

service_disruption_budgets := covering if {
	covering := [b | some b in disruption_budgets; covers(b, service_workload)]
	count(covering) > 0
} else := disruption_budgets if {
	count(disruption_budgets) == 1
}

covers(budget, workload) if {
	count(budget.selector) > 0
	every key, value in budget.selector {
		workload.labels[key] == value
	}
}

covers(budget, workload) if same_name(budget.name, workload.name)

# How a workload is named in a message: Deployment checkout.
workload_label(w) := sprintf("%s %s", [w.kind, w.name])

# The OpenAPI spec an API of the review cites as its contract.
spec_of(api) := [s | some s in openapi_specs; s.ref == api.spec]

# ledger turns what a rule found into one claim per stated field:
#   stated:  [path, claimed] for each review field the rule can check;
#   judged:  {"path", "fact", "compared", "msg"} for each artefact fact with
#            a literal value that speaks to a field, compared being
#            [what the artefact shows, what the review says] in the same
#            terms: the field agrees with the fact when the two are equal;
#   pending: [path, fact] for each fact that is an expression.
# A field is contradicted when some artefact disagrees (the first by
# position is shown), else verified when one agrees, else unverified,
# at the expression when there is one.
ledger(stated, judged, pending) := {claim(path, "unverified", claimed, null, null) |
	some [path, claimed] in stated
} if {
	# No artefact speaks to any field (the common case of a review with
	# no artefacts): every claim is unverified, without asking each one.
	count(judged) == 0
	count(pending) == 0
} else := {c |
	some [path, claimed] in stated
	c := _entry(path, claimed, judged, pending)
}

_entry(path, claimed, judged, pending) := claim(path, "contradicted", claimed, j.fact.value, j.fact.at) if {
	j := first_contradiction(path, judged)
} else := claim(path, "verified", claimed, j.fact.value, j.fact.at) if {
	j := _by_position([j |
		some j in judged
		j.path == path
		j.compared[0] == j.compared[1]
	])
} else := claim(path, "unverified", claimed, null, at) if {
	at := sort([[f.at.file, f.at.line, f.at.column, f.at] |
		some [p, f] in pending
		p == path
	])[0][3]
} else := claim(path, "unverified", claimed, null, null)

first_contradiction(path, judged) := _by_position([j |
	some j in judged
	j.path == path
	j.compared[0] != j.compared[1]
])

_by_position(js) := sort([[j.fact.at.file, j.fact.at.line, j.fact.at.column, j] | some j in js])[0][3]

# contradictions are the findings of a claim rule: one per contradicted
# field, at the artefact's position.
contradictions(stated, judged) := {finding_at(j.msg, path, j.fact.at, []) |
	some [path, _] in stated
	j := first_contradiction(path, judged)
} if {
	count(judged) > 0
}

# Nothing judged, nothing contradicted: said without asking each claim.
contradictions(_, judged) := set() if count(judged) == 0

# The evidence of a claim rule ({"path", "fact", ...}) whose facts are
# expressions: the pending argument of ledger.
pending(evidence) := {[e.path, e.fact] |
	some e in evidence
	not known(e.fact)
}

# How an operation is named in a message: GET /orders in api/web.yaml.
operation_label(spec, op) := sprintf("%s %s in %s", [upper(op.method), op.path, spec.file])

# The operations of the spec an API of the review cites, with their spec.
api_operations(api) := [[spec, op] |
	some spec in spec_of(api)
	some op in spec.operations
]
