package system

// Derived are the facts no single review can state, computed once per run
// from the graph.
type Derived struct {
	// Cycles holds one representative cycle per strongly connected
	// component of the hard synchronous edges (a self-call included), as
	// the service names along it, starting at the component's least
	// critical member (largest tier, then first by name), where the cycle
	// is reported.
	Cycles [][]string `json:"cycles"`
	// ComposedAvailability is, per service, its own availability objective
	// capped by the product of its hard synchronous callees' composed
	// values; a service with neither has no entry.
	ComposedAvailability map[string]float64 `json:"composed_availability"`
	// Amplification is, per edge key EdgeKey(from, index), the product of
	// the attempts along the worst synchronous path starting at the edge.
	Amplification map[string]int `json:"amplification"`
	// BlastRadius is, per service, the tier-0 services that reach it over
	// hard synchronous edges (itself, at tier 0), sorted.
	BlastRadius map[string][]string `json:"blast_radius"`
}
