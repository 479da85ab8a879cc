package system

import (
	"sort"
)

// indexes are what a review's _system input is looked up in.
type indexes struct {
	graph graphIndex
	// publishers lists, per event name, the publishes entries of every
	// review; consumers, per (facts index, publishes index), the consumes
	// entries resolved to it.
	publishers map[string][]entryRef
	consumers  map[entryRef][]entryRef
	// producer is, per consumes entry, the review it names (or, when it
	// names none, the first that publishes the event) and that review's
	// matching publishes entry (index -1: none).
	producer map[entryRef]entryRef
	stores   map[string][]entryRef
	teams    map[string]*team
}

// entryRef is one list entry of one review: facts[file].list[index].
type entryRef struct{ file, index int }

type team struct {
	tier0     []int // facts indices, by service name
	rotations []string
}

func buildIndexes(s *System) indexes {
	ix := indexes{graph: s.index(), publishers: map[string][]entryRef{}, consumers: map[entryRef][]entryRef{},
		producer: map[entryRef]entryRef{}, stores: map[string][]entryRef{}, teams: map[string]*team{}}
	for i := range s.facts {
		f := &s.facts[i]
		for _, p := range f.Publishes {
			if p.Name != "" {
				ix.publishers[p.Name] = append(ix.publishers[p.Name], entryRef{i, p.Index})
			}
		}
		for _, d := range f.DataStores {
			if d.Name != "" {
				ix.stores[d.Name] = append(ix.stores[d.Name], entryRef{i, d.Index})
			}
		}
	}
	for i := range s.facts {
		f := &s.facts[i]
		for _, c := range f.Consumes {
			if c.Name == "" {
				continue
			}
			prod, ok := s.resolveProducer(ix, i, c)
			if !ok {
				continue
			}
			ix.producer[entryRef{i, c.Index}] = prod
			if prod.index >= 0 {
				ix.consumers[prod] = append(ix.consumers[prod], entryRef{i, c.Index})
			}
		}
	}
	seen := map[string]map[string]bool{}
	for _, i := range s.node { // one review per service
		f := &s.facts[i]
		if f.Service.Owner == "" {
			continue
		}
		t := ix.teams[f.Service.Owner]
		if t == nil {
			t = &team{}
			ix.teams[f.Service.Owner] = t
			seen[f.Service.Owner] = map[string]bool{}
		}
		if f.Service.Tier == 0 {
			t.tier0 = append(t.tier0, i)
		}
		if r := f.Service.Rotation; r != "" && !seen[f.Service.Owner][r] {
			seen[f.Service.Owner][r] = true
			t.rotations = append(t.rotations, r)
		}
	}
	for _, t := range ix.teams {
		sort.Slice(t.tier0, func(a, b int) bool { return s.facts[t.tier0[a]].Service.Name < s.facts[t.tier0[b]].Service.Name })
		sort.Strings(t.rotations)
	}
	return ix
}

// resolveProducer finds the review a consumes entry of review i reads
// from: the service it names in from, else the first service (by name)
// of another review that publishes an event of that name and topic.
// index is that review's matching publishes entry, -1 when it has none.
func (s *System) resolveProducer(ix indexes, i int, c Consume) (entryRef, bool) {
	if c.From != "" {
		p, ok := s.node[c.From]
		if !ok {
			return entryRef{}, false
		}
		for _, pub := range s.facts[p].Publishes {
			if pub.Name == c.Name && topicsMatch(pub.Topic, c.Topic) {
				return entryRef{p, pub.Index}, true
			}
		}
		return entryRef{p, -1}, true
	}
	best, found := entryRef{}, false
	for _, ref := range ix.publishers[c.Name] {
		f := &s.facts[ref.file]
		if ref.file == i || s.nodeOf[ref.file] < 0 || !topicsMatch(f.Publishes[ref.index].Topic, c.Topic) {
			continue
		}
		if !found || f.Service.Name < s.facts[best.file].Service.Name {
			best, found = ref, true
		}
	}
	return best, found
}

// topicsMatch: an event matches by name, and by topic when both sides
// name one.
func topicsMatch(a, b string) bool { return a == "" || b == "" || a == b }

// Input is the _system value of one review (see the package comment and
// docs): its place in the system, in the JSON-like values documents are
// made of (map[string]any, []any, string, bool, int64, float64, nil), so
// that it converts for evaluation like the review itself. It is nil for
// a review that is not part of the system.
func (s *System) Input(file string) map[string]any {
	if s == nil {
		return nil
	}
	i, ok := s.byFile[file]
	if !ok {
		return nil
	}
	f := &s.facts[i]
	node := s.nodeOf[i]
	self := map[string]any{
		"name": f.Service.Name, "file": f.File, "tier": int64(f.Service.Tier),
		"owner": optional(f.Service.Owner), "rotation": optional(f.Service.Rotation),
		"composed_availability_percent": nil, "blast_radius": []any{},
	}
	if node >= 0 {
		if v, ok := s.Derived.ComposedAvailability[f.Service.Name]; ok {
			self["composed_availability_percent"] = v
		}
		self["blast_radius"] = stringList(s.Derived.BlastRadius[f.Service.Name])
	} else {
		// A second review of a service has no node: only its own facts.
		if f.Availability != nil {
			self["composed_availability_percent"] = toFloat(f.Availability.Value)
		}
		if f.Service.Tier == 0 {
			self["blast_radius"] = []any{f.Service.Name}
		}
	}
	return map[string]any{
		"services":     int64(len(s.Graph.Services)),
		"self":         self,
		"dependencies": s.dependencies(i),
		"cycles":       s.cyclesAt(node),
		"publishes":    s.publishes(i),
		"consumes":     s.consumes(i),
		"data_stores":  s.dataStores(i),
		"owner":        s.owner(f),
	}
}

func (s *System) dependencies(i int) []any {
	f := &s.facts[i]
	node := s.nodeOf[i]
	g := s.ix.graph
	out := make([]any, len(f.Dependencies))
	for k, d := range f.Dependencies {
		entry := map[string]any{
			"name": d.Name, "reviewed": false, "hard": d.Hard, "sync": d.Sync,
			"attempts": int64(d.Attempts), "callee": nil,
		}
		callee, w, reviewed := s.callee(d.Name)
		if reviewed {
			entry["reviewed"] = true
			entry["callee"] = calleeValue(callee, d)
		}
		var path []int
		amp, hops := d.Attempts, 1
		if node >= 0 {
			e := g.start[node] + k
			amp, hops = s.amp.edge[e], s.depth.edge[e]
			path = s.amp.path(s, g, e)
		} else if d.Sync && reviewed && w >= 0 {
			// A second review of a service is not in the graph: its own
			// entry, then the worst path from the callee.
			amp, hops = mulCap(d.Attempts, s.amp.best[w]), 1+s.depth.best[w]
			if next := s.amp.bestNext[w]; next >= 0 {
				path = s.amp.path(s, g, next)
			}
		}
		entry["amplification"] = int64(amp)
		// Derived from the graph, for the hand-typed fields of the same
		// names: the hops of the longest synchronous path this entry
		// starts (itself included; a cycle counted once), and whether the
		// callee depends on this service.
		entry["call_depth"], entry["calls_back"], entry["calls_back_at"] = nil, nil, nil
		if reviewed {
			entry["call_depth"], entry["calls_back"] = int64(hops), false
			if at, ok := callsBack(callee, s.facts[i].Service.Name); ok {
				entry["calls_back"], entry["calls_back_at"] = true, at.value()
			}
		}
		steps := make([]any, 0, len(path)+1)
		if node < 0 {
			steps = append(steps, step(f.Service.Name, k, d.Attempts, d.At))
		}
		for _, e := range path {
			if len(steps) == MaxPathSteps {
				break
			}
			edge := &s.Graph.Edges[e]
			steps = append(steps, step(edge.From, edge.Index, edge.Attempts, edge.At))
		}
		entry["amplification_path"] = steps
		out[k] = entry
	}
	return out
}

// callsBack finds the first entry of a callee's review that names
// caller among its dependencies.
func callsBack(callee *Facts, caller string) (At, bool) {
	for _, d := range callee.Dependencies {
		if d.Name == caller {
			return d.At, true
		}
	}
	return At{}, false
}

func step(service string, index, attempts int, at At) map[string]any {
	return map[string]any{"service": service, "dependency": int64(index), "attempts": int64(attempts), "at": at.value()}
}

// calleeValue is what a caller's dependency entry learns of its callee.
func calleeValue(c *Facts, d Dependency) map[string]any {
	v := map[string]any{
		"name": c.Service.Name, "file": c.File, "tier": int64(c.Service.Tier), "at": c.TierAt.value(),
		"availability_percent": nil, "availability_at": nil,
		"latency_threshold_ms": nil, "latency_at": nil,
		"deadline_ms": nil, "deadline_at": nil, "api": nil,
	}
	if m := c.Availability; m != nil {
		v["availability_percent"], v["availability_at"] = m.Value, m.At.value()
	}
	if m := c.Latency; m != nil {
		v["latency_threshold_ms"], v["latency_at"] = m.Value, m.At.value()
	}
	if api := calledAPI(c, d); api != nil {
		v["api"] = api.Name
		if api.Timeout != nil {
			v["deadline_ms"], v["deadline_at"] = api.Timeout.Value, api.Timeout.At.value()
		}
	}
	return v
}

// calledAPI is the callee's API a dependency calls: the one it names in
// api, else, when it names none, the callee's API with the largest
// timeout (the longest the callee may work on a call), else its first.
// A named API the callee does not have is none.
func calledAPI(c *Facts, d Dependency) *API {
	if d.API != "" {
		for k := range c.APIs {
			if c.APIs[k].Name == d.API {
				return &c.APIs[k]
			}
		}
		return nil
	}
	var best *API
	for k := range c.APIs {
		a := &c.APIs[k]
		switch {
		case best == nil:
			best = a
		case a.Timeout != nil && (best.Timeout == nil || toFloat(a.Timeout.Value) > toFloat(best.Timeout.Value)):
			best = a
		}
	}
	return best
}

// cyclesAt lists the cycles node is asked to break.
func (s *System) cyclesAt(node int) []any {
	out := []any{}
	if node < 0 {
		return out
	}
	k := sort.Search(len(s.cycleList), func(i int) bool { return s.cycleList[i].at >= node })
	for ; k < len(s.cycleList) && s.cycleList[k].at == node; k++ {
		c := s.cycleList[k]
		path := make([]any, len(c.edges))
		for j, e := range c.edges {
			edge := &s.Graph.Edges[e]
			from := &s.facts[s.node[edge.From]]
			path[j] = map[string]any{"service": edge.From, "file": from.File, "dependency": int64(edge.Index), "at": edge.At.value()}
		}
		out = append(out, map[string]any{"dependency": int64(s.Graph.Edges[c.edges[0]].Index), "path": path})
	}
	return out
}

func (s *System) publishes(i int) []any {
	f := &s.facts[i]
	out := make([]any, len(f.Publishes))
	for k, p := range f.Publishes {
		consumers := []any{}
		for _, ref := range s.ix.consumers[entryRef{i, p.Index}] {
			if len(consumers) == MaxListed {
				break
			}
			cf := &s.facts[ref.file]
			c := cf.Consumes[ref.index]
			consumers = append(consumers, map[string]any{"service": cf.Service.Name, "file": cf.File, "index": int64(c.Index),
				"at": c.At.value(), "delivery": optional(c.Delivery), "schema": optional(c.Schema)})
		}
		out[k] = map[string]any{"consumers": consumers}
	}
	return out
}

func (s *System) consumes(i int) []any {
	f := &s.facts[i]
	out := make([]any, len(f.Consumes))
	for k, c := range f.Consumes {
		entry := map[string]any{"producer_reviewed": false, "published": false, "producer": nil, "entry": nil}
		if prod, ok := s.ix.producer[entryRef{i, c.Index}]; ok {
			pf := &s.facts[prod.file]
			entry["producer_reviewed"] = true
			entry["producer"] = map[string]any{"service": pf.Service.Name, "file": pf.File, "at": pf.Service.At.value()}
			if prod.index >= 0 {
				p := pf.Publishes[prod.index]
				entry["published"] = true
				entry["entry"] = map[string]any{"index": int64(p.Index), "at": p.At.value(), "delivery": optional(p.Delivery),
					"schema": optional(p.Schema), "topic": optional(p.Topic)}
			}
		}
		out[k] = entry
	}
	return out
}

func (s *System) dataStores(i int) []any {
	f := &s.facts[i]
	out := make([]any, len(f.DataStores))
	for k, d := range f.DataStores {
		others := []any{}
		for _, ref := range s.ix.stores[d.Name] {
			if len(others) == MaxListed {
				break
			}
			if ref.file == i {
				continue
			}
			of := &s.facts[ref.file]
			o := of.DataStores[ref.index]
			others = append(others, map[string]any{"service": of.Service.Name, "file": of.File, "index": int64(o.Index),
				"ownership": optional(o.Ownership), "shared_with": stringList(o.SharedWith), "at": o.At.value()})
		}
		out[k] = map[string]any{"others": others}
	}
	return out
}

func (s *System) owner(f *Facts) map[string]any {
	tier0, rotations := []any{}, []any{}
	if t := s.ix.teams[f.Service.Owner]; t != nil && f.Service.Owner != "" {
		for _, i := range t.tier0 {
			if len(tier0) == MaxListed {
				break
			}
			sf := &s.facts[i]
			tier0 = append(tier0, map[string]any{"service": sf.Service.Name, "file": sf.File, "at": sf.TierAt.value()})
		}
		rotations = stringList(t.rotations[:min(len(t.rotations), MaxListed)])
	}
	return map[string]any{"team": f.Service.Owner, "tier0_services": tier0, "rotations": rotations}
}

// value is the position as the policies see it.
func (a At) value() map[string]any {
	return map[string]any{"file": a.File, "line": int64(a.Line), "column": int64(a.Column)}
}

func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func stringList(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}
