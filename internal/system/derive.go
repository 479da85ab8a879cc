package system

import (
	"math"
	"math/bits"
	"sort"
)

// graphIndex is the graph in arrays: node n's edges are
// Graph.Edges[start[n]:start[n+1]], and target[e] is edge e's callee node,
// or -1 when no review describes the callee.
type graphIndex struct {
	start  []int
	target []int
	from   []int // edge e's caller node
}

func (s *System) index() graphIndex {
	n := len(s.Graph.Services)
	g := graphIndex{start: make([]int, n+1), target: make([]int, len(s.Graph.Edges)), from: make([]int, len(s.Graph.Edges))}
	node := 0
	for e, edge := range s.Graph.Edges {
		for s.Graph.Services[node].Name != edge.From {
			node++
			g.start[node] = e
		}
		g.from[e] = node
		g.target[e] = -1
		if i, ok := s.node[edge.To]; ok {
			g.target[e] = s.nodeOf[i]
		}
	}
	for node < n {
		node++
		g.start[node] = len(s.Graph.Edges)
	}
	return g
}

// hardSync is the edge set cycles, composition and blast radius follow:
// a hard synchronous call to a reviewed service.
func (s *System) hardSync(g graphIndex, e int) bool {
	edge := &s.Graph.Edges[e]
	return edge.Hard && edge.Sync && g.target[e] >= 0
}

// sync is the edge set retries multiply along: any synchronous call to a
// reviewed service, hard or soft (a soft dependency is retried too).
func (s *System) sync(g graphIndex, e int) bool {
	return s.Graph.Edges[e].Sync && g.target[e] >= 0
}

// components finds the strongly connected components of the graph over
// the edges keep admits (Tarjan's algorithm, without recursion, so that a
// chain of 100,000 services needs no deep stack). comp[n] is node n's
// component; components are numbered in the order Tarjan completes them,
// which is a reverse topological order: every edge between components
// goes from a higher number to a lower one.
func components(g graphIndex, keep func(e int) bool) (comp []int, count int) {
	n := len(g.start) - 1
	comp = make([]int, n)
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	type frame struct{ node, next int }
	var frames []frame
	next := 0
	for root := 0; root < n; root++ {
		if index[root] >= 0 {
			continue
		}
		frames = append(frames, frame{root, g.start[root]})
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(frames) > 0 {
			f := &frames[len(frames)-1]
			v := f.node
			if f.next < g.start[v+1] {
				e := f.next
				f.next++
				if !keep(e) {
					continue
				}
				w := g.target[e]
				switch {
				case index[w] < 0:
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					frames = append(frames, frame{w, g.start[w]})
				case onStack[w]:
					low[v] = min(low[v], index[w])
				}
				continue
			}
			frames = frames[:len(frames)-1]
			if len(frames) > 0 {
				p := frames[len(frames)-1].node
				low[p] = min(low[p], low[v])
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = count
					if w == v {
						break
					}
				}
				count++
			}
		}
	}
	return comp, count
}

// members lists each component's nodes, in node (name) order.
func members(comp []int, count int) [][]int {
	out := make([][]int, count)
	for n, c := range comp {
		out[c] = append(out[c], n)
	}
	return out
}

// cycle is one representative cycle: the edges along it, the first
// leaving the member it is reported at.
type cycle struct {
	at    int   // the node that reports it
	edges []int // Graph.Edges indices, in order around the cycle
}

func (s *System) derive() {
	g := s.index()
	hard := func(e int) bool { return s.hardSync(g, e) }
	comp, count := components(g, hard)
	groups := members(comp, count)
	s.cycleList = s.cycles(g, comp, groups, hard)
	s.Derived.Cycles = make([][]string, len(s.cycleList))
	for i, c := range s.cycleList {
		names := make([]string, len(c.edges))
		for k, e := range c.edges {
			names[k] = s.Graph.Edges[e].From
		}
		s.Derived.Cycles[i] = names
	}
	s.Derived.ComposedAvailability = s.compose(g, comp, groups, hard)
	s.Derived.BlastRadius = s.blast(g, comp, groups, hard)
	syncComp, syncCount := comp, count
	if !sameEdges(g, hard, func(e int) bool { return s.sync(g, e) }) {
		syncComp, syncCount = components(g, func(e int) bool { return s.sync(g, e) })
	}
	syncGroups := members(syncComp, syncCount)
	s.amp = worst(s, g, syncComp, syncGroups, s.amplification())
	s.depth = worst(s, g, syncComp, syncGroups, depth())
	s.Derived.Amplification = make(map[string]int, len(s.Graph.Edges))
	for e, edge := range s.Graph.Edges {
		s.Derived.Amplification[EdgeKey(edge.From, edge.Index)] = s.amp.edge[e]
	}
}

// sameEdges reports whether two edge sets are the same, so that a graph
// whose synchronous calls are all hard is searched for components once.
func sameEdges(g graphIndex, a, b func(e int) bool) bool {
	for e := range g.target {
		if a(e) != b(e) {
			return false
		}
	}
	return true
}

// cycles picks, for every component with a cycle (two members or more,
// or one that calls itself), the member that should break it: the least
// critical (largest tier, then first by name). Its cycle starts at its
// first dependency entry inside the component and comes back to it by a
// shortest path (breadth-first within the component).
func (s *System) cycles(g graphIndex, comp []int, groups [][]int, keep func(e int) bool) []cycle {
	var out []cycle
	via := make([]int, len(comp)) // the edge a node was reached by
	for i := range via {
		via[i] = -1
	}
	for c, nodes := range groups {
		selfLoop := -1
		if len(nodes) == 1 {
			v := nodes[0]
			for e := g.start[v]; e < g.start[v+1]; e++ {
				if keep(e) && g.target[e] == v {
					selfLoop = e
					break
				}
			}
			if selfLoop < 0 {
				continue
			}
		}
		m := nodes[0]
		for _, v := range nodes[1:] {
			if s.Graph.Services[v].Tier > s.Graph.Services[m].Tier {
				m = v // nodes are in name order, so ties keep the first name
			}
		}
		if selfLoop >= 0 {
			out = append(out, cycle{at: m, edges: []int{selfLoop}})
			continue
		}
		first := -1
		for e := g.start[m]; e < g.start[m+1]; e++ {
			if keep(e) && comp[g.target[e]] == c && g.target[e] != m {
				first = e
				break
			}
		}
		if first < 0 {
			continue // cannot happen in a component of two or more
		}
		start := g.target[first]
		queue := []int{start}
		via[start] = first
		found := -1
		for len(queue) > 0 && found < 0 {
			v := queue[0]
			queue = queue[1:]
			for e := g.start[v]; e < g.start[v+1]; e++ {
				if !keep(e) {
					continue
				}
				w := g.target[e]
				if w == m {
					found = e
					break
				}
				if comp[w] == c && via[w] < 0 {
					via[w] = e
					queue = append(queue, w)
				}
			}
		}
		var back []int
		for e := found; e >= 0; {
			back = append(back, e)
			v := g.from[e]
			if v == start {
				break
			}
			e = via[v]
		}
		edges := []int{first}
		for i := len(back) - 1; i >= 0; i-- {
			edges = append(edges, back[i])
		}
		out = append(out, cycle{at: m, edges: edges})
		for _, v := range nodes {
			via[v] = -1
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

// compose computes composed availability, from the callees up. Within a
// cycle, calls between its members are left out: each member composes
// its own objective with the calls that leave the cycle (the cycle rule
// reports the cycle itself). A callee is counted once however many
// entries name it.
func (s *System) compose(g graphIndex, comp []int, groups [][]int, keep func(e int) bool) map[string]float64 {
	n := len(comp)
	value := make([]float64, n)
	known := make([]bool, n)
	seen := make([]int, n)
	for i := range seen {
		seen[i] = -1
	}
	for _, nodes := range groups { // callees first: reverse topological order
		for _, v := range nodes {
			f := &s.facts[s.node[s.Graph.Services[v].Name]]
			product, any := 1.0, false
			for e := g.start[v]; e < g.start[v+1]; e++ {
				w := g.target[e]
				if !keep(e) || comp[w] == comp[v] || seen[w] == v || !known[w] {
					continue
				}
				seen[w] = v
				product *= value[w] / 100
				any = true
			}
			switch {
			case f.Availability != nil && any:
				value[v], known[v] = math.Min(toFloat(f.Availability.Value), 100*product), true
			case f.Availability != nil:
				value[v], known[v] = toFloat(f.Availability.Value), true
			case any:
				value[v], known[v] = 100*product, true
			}
		}
	}
	out := make(map[string]float64, n)
	for v, ok := range known {
		if ok {
			out[s.Graph.Services[v].Name] = round6(value[v])
		}
	}
	return out
}

// round6 drops the floating-point noise of a product of percentages, so
// that 99.9 × 99.9 reads 99.8001 everywhere.
func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// blast computes, for every service, the tier-0 services that reach it
// over hard synchronous edges. Reach is propagated over the components
// from the callers down, as bit sets over the tier-0 services, a chunk of
// them at a time, so that memory stays a few megabytes however many
// tier-0 services there are; each list keeps its first MaxListed names.
func (s *System) blast(g graphIndex, comp []int, groups [][]int, keep func(e int) bool) map[string][]string {
	var tier0 []int // node numbers, in name order
	for v, svc := range s.Graph.Services {
		if svc.Tier == 0 {
			tier0 = append(tier0, v)
		}
	}
	lists := make([][]string, len(groups))
	const chunkWords = 16 // 1,024 tier-0 services per pass
	words := make([]uint64, len(groups)*chunkWords)
	for base := 0; base < len(tier0); base += 64 * chunkWords {
		clear(words)
		chunk := tier0[base:min(base+64*chunkWords, len(tier0))]
		for b, v := range chunk {
			words[comp[v]*chunkWords+b/64] |= 1 << (b % 64)
		}
		full := true
		for c := len(groups) - 1; c >= 0; c-- { // callers first
			set := words[c*chunkWords : (c+1)*chunkWords]
			for _, v := range groups[c] {
				for e := g.start[v]; e < g.start[v+1]; e++ {
					if w := g.target[e]; keep(e) && comp[w] != c {
						dst := words[comp[w]*chunkWords : (comp[w]+1)*chunkWords]
						for k := range dst {
							dst[k] |= set[k]
						}
					}
				}
			}
			for k, word := range set {
				for word != 0 && len(lists[c]) < MaxListed {
					b := bits.TrailingZeros64(word)
					word &^= 1 << b
					lists[c] = append(lists[c], s.Graph.Services[chunk[k*64+b]].Name)
				}
			}
			full = full && len(lists[c]) >= MaxListed
		}
		if full {
			break
		}
	}
	out := make(map[string][]string, len(comp))
	for v, c := range comp {
		list := lists[c]
		if list == nil {
			list = []string{}
		}
		out[s.Graph.Services[v].Name] = list
	}
	return out
}

// worstPaths holds, per edge, the value of the worst synchronous path
// starting with it (the product of the attempts for amplification, the
// number of hops for call depth), and the choices that rebuild that path.
type worstPaths struct {
	edge []int // per edge
	comp []int
	// best[v] is the worst value of a path from v, and bestNext[v] its
	// first edge (-1: v calls nothing synchronously); exit and exitNext
	// are the same over the paths whose first edge leaves v's component.
	best, exit         []int
	bestNext, exitNext []int
}

// pathValue says how a path is valued: weight is an edge's own value,
// join adds an edge's value to the rest of the path's, and none is the
// value of the empty path.
type pathValue struct {
	weight func(e int) int
	join   func(edge, rest int) int
	none   int
}

// worst computes the paths' values from the callees up. A path crosses
// each component it enters by at most one edge inside it, so that a cycle
// counts once rather than without end (the cycle rule reports it).
func worst(s *System, g graphIndex, comp []int, groups [][]int, pv pathValue) *worstPaths {
	n := len(comp)
	a := &worstPaths{comp: comp, best: make([]int, n), exit: make([]int, n), bestNext: make([]int, n), exitNext: make([]int, n)}
	for _, nodes := range groups {
		for _, v := range nodes {
			a.exit[v], a.exitNext[v] = pv.none, -1
			for e := g.start[v]; e < g.start[v+1]; e++ {
				if !s.Graph.Edges[e].Sync {
					continue
				}
				p := pv.join(pv.weight(e), pv.none)
				if w := g.target[e]; w >= 0 {
					if comp[w] == comp[v] {
						continue
					}
					p = pv.join(pv.weight(e), a.best[w])
				}
				if a.exitNext[v] < 0 || p > a.exit[v] {
					a.exit[v], a.exitNext[v] = p, e
				}
			}
		}
		for _, v := range nodes {
			a.best[v], a.bestNext[v] = a.exit[v], a.exitNext[v]
			for e := g.start[v]; e < g.start[v+1]; e++ {
				w := g.target[e]
				if !s.Graph.Edges[e].Sync || w < 0 || comp[w] != comp[v] {
					continue
				}
				if p := pv.join(pv.weight(e), a.exit[w]); a.bestNext[v] < 0 || p > a.best[v] {
					a.best[v], a.bestNext[v] = p, e
				}
			}
		}
	}
	a.edge = make([]int, len(s.Graph.Edges))
	for e, edge := range s.Graph.Edges {
		a.edge[e] = pv.join(pv.weight(e), pv.none)
		if w := g.target[e]; edge.Sync && w >= 0 {
			if v := g.from[e]; comp[w] == comp[v] {
				a.edge[e] = pv.join(pv.weight(e), a.exit[w])
			} else {
				a.edge[e] = pv.join(pv.weight(e), a.best[w])
			}
		}
	}
	return a
}

// path lists the edges of the worst path starting with edge e, at most
// MaxPathSteps of them, and none after the last that retries: those
// multiply by one and only lengthen every input.
func (a *worstPaths) path(s *System, g graphIndex, e int) []int {
	out := []int{e}
	for len(out) < MaxPathSteps {
		edge := &s.Graph.Edges[e]
		w := g.target[e]
		if !edge.Sync || w < 0 {
			break
		}
		next := a.bestNext[w]
		if a.comp[w] == a.comp[g.from[e]] {
			next = a.exitNext[w]
		}
		if next < 0 {
			break
		}
		out = append(out, next)
		e = next
	}
	keep := 1
	for k, e := range out {
		if s.Graph.Edges[e].Attempts > 1 {
			keep = k + 1
		}
	}
	return out[:keep]
}

// amplification values a path by the product of its attempts; depth by
// its number of hops.
func (s *System) amplification() pathValue {
	return pathValue{weight: func(e int) int { return s.Graph.Edges[e].Attempts }, join: mulCap, none: 1}
}

func depth() pathValue {
	return pathValue{weight: func(int) int { return 1 }, join: func(a, b int) int { return a + b }, none: 0}
}

func mulCap(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > maxAmplification/b {
		return maxAmplification
	}
	return a * b
}
