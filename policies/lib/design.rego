# Shared views of the design review, so that every rule reads optional
# sections the same way and none has to guard against absent fields itself.
package archvet.lib

import rego.v1

# The service tier, 0 (most critical) to 3. A review without a tier is
# treated as tier 0: the strictest reading is the safe default.
tier := object.get(input, ["service", "tier"], 0)

# Tier 0 and 1 services carry revenue or other services; rules that are
# optional for a prototype are mandatory for them.
critical if tier <= 1

production if object.get(input, ["service", "lifecycle"], "production") != "experimental"

dependencies := object.get(input, "dependencies", [])

data_stores := object.get(input, "data_stores", [])

apis := object.get(input, "apis", [])

publishes := object.get(input, ["events", "publishes"], [])

consumes := object.get(input, ["events", "consumes"], [])

slos := object.get(input, "slos", [])

alerts := object.get(input, ["observability", "alerts"], [])

decisions := object.get(input, "decisions", [])

environments := object.get(input, "environments", [])

# Remote calls the service waits on: the ones the fallacies of distributed
# computing bite hardest.
sync_dependencies contains [i, dep] if {
	some i, dep in dependencies
	object.get(dep, "interaction", "sync") == "sync"
}

# Stores that hold the only copy of some data (not caches or replicas).
durable_stores contains [i, store] if {
	some i, store in data_stores
	not object.get(store, "role", "source-of-truth") in {"cache", "replica", "read-model"}
	not store.kind == "cache"
}

# get reads a possibly absent field with a default, so rules stay short.
get(obj, path, default_value) := object.get(obj, path, default_value)

# finding builds the one result shape every rule returns.
finding(msg, path) := {"msg": msg, "path": path}

# some_names joins the first five names of a list, and says how many more
# there are, so that a message stays one line however large the system.
some_names(names) := concat(", ", names) if count(names) <= 5

some_names(names) := sprintf("%s and %d more", [concat(", ", array.slice(names, 0, 5)), count(names) - 5]) if count(names) > 5

# finding_related is a finding with related locations: each entry is
# {"msg": m, "path": p} for a field of this review, or {"msg": m, "at": pos}
# for a position in another file ({"file", "line", "column"}).
finding_related(msg, path, related) := {"msg": msg, "path": path, "related": related}

# finding_at is a finding shown at another file's position (an artefact's,
# another review's): path stays its identity, and archvet adds the review's
# field at path as the first related location.
finding_at(msg, path, at, related) := {"msg": msg, "path": path, "at": at, "related": related}

# params reads a rule's thresholds. Call it from the rule's own package
# as `params := lib.params(rego.metadata.chain())`, so that it sees the
# package's METADATA: custom.params declares each parameter with either
# `value` (the same at every tier) or `tiers` (a list, tier 0 first). The
# organisation's overrides, merged by archvet into data.archvet.params
# as one list of four per-tier values per parameter, win over the
# defaults; plain OPA with the exported bundle reads the same data.
params(chain) := {name: value |
	some entry in chain
	id := entry.annotations.custom.id
	some name, spec in entry.annotations.custom.params
	value := _param_value(object.get(_overrides, id, {}), name, spec, tier)
}

# The override table, read from the store once per evaluation: a lookup
# of data.archvet.params with variable keys in every rule would read it
# again for each parameter.
# Empty under plain `opa test`, which loads no data.
default _overrides := {}

_overrides := data.archvet.params

# An else chain, so that a parameter archvet has merged (every parameter,
# under archvet and with the exported bundle's data) costs one body: the
# declaration's default is read only when the table does not carry it
# (plain `opa test`). overrides is the rule's part of the table.
_param_value(overrides, name, spec, at_tier) := value if {
	value := overrides[name][at_tier]
} else := value if {
	not overrides[name]
	value := spec.tiers[at_tier]
} else := spec.value if {
	not overrides[name]
	not spec.tiers
}

# claim builds one entry of a claim rule's ledger: the review field at
# path states claimed; an artefact at position at (or none, null) shows
# observed (or nothing, null); status is verified, contradicted or
# unverified. archvet collects every rule's claims into the ledger and
# the trust figure.
claim(path, status, claimed, observed, at) := {
	"path": path,
	"status": status,
	"claimed": claimed,
	"observed": observed,
	"at": at,
}
