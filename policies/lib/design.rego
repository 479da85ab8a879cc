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
	not object.get(store, "kind", "") == "cache"
}

# get reads a possibly absent field with a default, so rules stay short.
get(obj, path, default_value) := object.get(obj, path, default_value)

# finding builds the one result shape every rule returns.
finding(msg, path) := {"msg": msg, "path": path}
