package system

// Facts are what one review says about its place in the system, each with
// its position, as Extract reads them. Build joins the facts of every
// review of a run into the graph.
type Facts struct {
	// File is the review's path as the run names it (diag.Range.Filename).
	File    string
	Service Service
	// TierAt is service.tier, where a finding about the service's
	// criticality is shown; Service.At when the review has no tier.
	TierAt       At
	Dependencies []Dependency
	APIs         []API
	Publishes    []Publish
	Consumes     []Consume
	DataStores   []DataStore
	// Availability and Latency are the review's own first availability
	// SLO (objective_percent) and first latency SLO (threshold_ms).
	Availability *Measure
	Latency      *Measure
}

// Dependency is one dependencies[] entry.
type Dependency struct {
	Name string
	// API is dependencies[i].api: which of the callee's APIs it calls.
	API      string
	Hard     bool
	Sync     bool
	Attempts int
	At       At
}

// API is one apis[] entry.
type API struct {
	Name string
	// Timeout is apis[i].timeout_ms, the time the service gives itself to
	// answer (its deadline); nil when the entry does not say.
	Timeout *Measure
}

// Publish is one events.publishes[] entry.
type Publish struct {
	Index    int
	Name     string
	Topic    string
	Delivery string
	Schema   string
	At       At
}

// Consume is one events.consumes[] entry; From is the producing service
// the consumer names.
type Consume struct {
	Index    int
	Name     string
	Topic    string
	From     string
	Delivery string
	Schema   string
	At       At
}

// DataStore is one data_stores[] entry.
type DataStore struct {
	Index      int
	Name       string
	Ownership  string
	SharedWith []string
	At         At
}

// Measure is a number a review states, where it states it. Value keeps the
// document's own type (int64 or float64), so the policies compare what
// the review wrote.
type Measure struct {
	Value any
	At    At
}
