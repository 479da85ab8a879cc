// Package system sees many design reviews as the one architecture they
// form: it extracts each review's graph facts (its service, dependencies,
// events, data stores and owner, each with its position), joins them into
// a service graph, derives what no single review can say (cycles, path
// amplification, composed availability, blast radius), and hands each
// review its neighbourhood as the _system input the system rules read.
//
// The derived facts are computed here, in Go, once per run: graph
// algorithms over 10,000 services (Tarjan's strongly connected components,
// dynamic programming over the condensation, reverse reachability from
// the tier-0 services) are linear in Go and would be quadratic or worse
// written as Rego comprehensions. The policies only compare.
package system

// InputKey is the input field through which Go gives a review its place in
// the system. Absent means the review was checked alone (no system), and
// every system rule is then not applicable.
const InputKey = "_system"

// At is a position in a review (or any file), as the policies see it and
// pass back in a finding's "at" or "related" entries. Line and Column
// start at 1.
type At struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// Service is one review's node in the graph.
type Service struct {
	Name string `json:"name"`
	File string `json:"file"`
	Tier int    `json:"tier"`
	// Owner is service.owner; Rotation is operations.on_call.rotation.
	Owner    string `json:"owner,omitempty"`
	Rotation string `json:"rotation,omitempty"`
	At       At     `json:"at"` // the service key, or service.name
}

// Edge is one dependency entry: From's dependencies[Index] names To.
type Edge struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Index int    `json:"index"`
	// Hard and Sync are criticality: hard and interaction: sync; an edge
	// counts for tier inversion, cycles and composition only when both hold.
	Hard bool `json:"hard"`
	Sync bool `json:"sync"`
	// Attempts is retries.max_attempts, 1 when the entry does not retry.
	Attempts int `json:"attempts"`
	// Reviewed is false when no review in the run names To.
	Reviewed bool `json:"reviewed"`
	At       At   `json:"at"`
}

// Graph is the whole system, services sorted by name and edges by
// (From, Index), so everything derived from it is deterministic.
type Graph struct {
	Services []Service `json:"services"`
	Edges    []Edge    `json:"edges"`
}
