# The call graph: which dependencies each API calls (`apis[].calls`) and
# how long one call to a dependency can take in the worst case, over all
# its attempts and the waits between them. Every figure here is a lower
# bound when the design leaves a fact out (an unknown timeout counts as 0,
# an unknown number of attempts as 1, an unknown wait as 0), and the paths
# of the facts left out are listed beside it, so that a rule fails on what
# the design states and asks about what it does not.
package archvet.lib

import rego.v1

# Index of each named dependency.
dependency_index[dep.name] := i if {
	some i, dep in dependencies
	is_string(dep.name)
}

# Every call an API declares, resolved to its dependency when the design
# lists one of that name: [api index, call index, call, dependency index].
api_calls contains [i, k, call, d] if {
	some i, api in apis
	some k, call in object.get(api, "calls", [])
	d := dependency_index[object.get(call, "dependency", "")]
}

# A call naming a dependency the design does not describe.
unresolved_calls contains [i, k, call] if {
	some i, api in apis
	some k, call in object.get(api, "calls", [])
	not dependency_index[object.get(call, "dependency", "")]
}

# The service waits for the dependency (unstated counts as synchronous).
waits_on(dep) if object.get(dep, "interaction", "sync") == "sync"

# The service cannot answer without the dependency (unstated counts as hard).
hard(dep) if object.get(dep, "criticality", "hard") != "soft"

parallel(call) if call.mode == "parallel"

# Attempts per call; 1 when the design does not bound them.
attempts(dep) := n if {
	n := object.get(dep, ["retries", "max_attempts"], 0)
	n >= 1
} else := 1

# Longest single wait before attempt k+1 (k from 1), as the backoff grows.
_raw_wait(dep, k) := dep.retries.base_delay_ms * bits.lsh(1, k - 1) if dep.retries.backoff == "exponential"

_raw_wait(dep, k) := dep.retries.base_delay_ms * k if dep.retries.backoff == "linear"

_raw_wait(dep, _) := dep.retries.base_delay_ms if dep.retries.backoff == "fixed"

_wait(dep, k) := min([_raw_wait(dep, k), dep.retries.max_delay_ms]) if {
	is_number(object.get(dep, ["retries", "max_delay_ms"], null))
} else := _raw_wait(dep, k)

# Sum of the waits between attempts. Past 60 attempts the remaining waits
# count as the 60th, which keeps the figure a lower bound and the
# evaluation cheap whatever the design says.
sleeps_ms(dep) := 0 if {
	attempts(dep) <= 1
} else := 0 if {
	not object.get(dep, ["retries", "backoff"], null) in {"exponential", "linear", "fixed"}
} else := 0 if {
	not is_number(object.get(dep, ["retries", "base_delay_ms"], null))
} else := total if {
	gaps := attempts(dep) - 1
	m := min([gaps, 60])
	first := sum([_wait(dep, k) | some k in numbers.range(1, m)])
	total := first + ((gaps - m) * _wait(dep, m))
}

# Worst case of one call, over every attempt and wait.
worst_ms(dep) := (attempts(dep) * object.get(dep, "timeout_ms", 0)) + sleeps_ms(dep)

# Facts the worst case of a call needs that the design leaves out, as
# [dependency index, path that would answer it].
worst_unknowns contains [d, sprintf("dependencies[%d].timeout_ms", [d])] if {
	some d, dep in dependencies
	not object.get(dep, "timeout_ms", 0) > 0
}

worst_unknowns contains [d, sprintf("dependencies[%d].retries.max_attempts", [d])] if {
	some d, dep in dependencies
	not object.get(dep, ["retries", "max_attempts"], 0) >= 1
}

worst_unknowns contains [d, sprintf("dependencies[%d].retries.backoff", [d])] if {
	some d, dep in dependencies
	attempts(dep) > 1
	object.get(dep, ["retries", "backoff"], null) == null
}

worst_unknowns contains [d, sprintf("dependencies[%d].retries.base_delay_ms", [d])] if {
	some d, dep in dependencies
	attempts(dep) > 1
	object.get(dep, ["retries", "backoff"], null) in {"exponential", "linear", "fixed"}
	not is_number(object.get(dep, ["retries", "base_delay_ms"], null))
}
