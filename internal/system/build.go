package system

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/archvet/archvet/internal/diag"
)

// Limits of one system. A run of 10,000 services with five dependencies
// each is a tenth of them; they exist so that a hostile or runaway input
// ends in a diagnostic, not in exhausted memory.
const (
	// MaxServices is the most reviews one system holds.
	MaxServices = 100_000
	// MaxEdges is the most dependency entries one system holds.
	MaxEdges = 500_000
	// MaxListed is the most entries one list of a review's _system input
	// holds (the consumers of one event, the other users of one data
	// store, a team's tier-0 services), and the most names of one blast
	// radius: the first ones, in their order. A thousand copies of one
	// review (one data store, one team) gave every review, and every
	// finding's related locations, hundreds of entries with 256.
	MaxListed = 32
	// MaxPathSteps is the most steps of one amplification path listed.
	MaxPathSteps = 64
	// maxAmplification caps the products of attempts along paths.
	maxAmplification = 1_000_000_000
)

// System is the architecture a run's reviews form: the graph, what is
// derived from it, and the indexes each review's _system input is read
// from.
type System struct {
	Graph   Graph
	Derived Derived

	facts  []Facts        // every review in the system, sorted by file
	byFile map[string]int // file → facts index
	// node is, per service name, the facts index of the review that
	// describes it: the first by file when two reviews name one service.
	node map[string]int
	// nodeOf is, per facts index, its node number (the index in
	// Graph.Services), or -1 for a review whose name another took.
	nodeOf []int
	ix     indexes
	// cycleList are the cycles, by the node that reports them; amp and
	// depth the worst synchronous paths by attempts and by hops.
	cycleList  []cycle
	amp, depth *worstPaths
	// notes are Build's diagnostics, by file.
	notes map[string]diag.Diagnostics
}

// Diagnostics are Build's warnings about one review.
func (s *System) Diagnostics(file string) diag.Diagnostics {
	if s == nil {
		return nil
	}
	return s.notes[file]
}

// EdgeKey names an edge in Derived.Amplification: the caller's service
// name and the index of its dependency entry.
func EdgeKey(from string, index int) string { return from + "/" + strconv.Itoa(index) }

// Build joins the facts of a run's reviews into one system. Facts may come
// in any order; the system is the same. Diagnostics are warnings: a second
// review of a service already described (it keeps its own input, but the
// graph uses the first), and reviews left out over the limits.
func Build(all []Facts) (*System, diag.Diagnostics) {
	facts := make([]Facts, 0, len(all))
	for _, f := range all {
		if f.Service.Name != "" {
			facts = append(facts, f)
		}
	}
	sort.SliceStable(facts, func(i, j int) bool { return facts[i].File < facts[j].File })
	var ds diag.Diagnostics
	edges := 0
	kept := facts[:0]
	for _, f := range facts {
		switch {
		case len(kept) >= MaxServices:
			ds = append(ds, warnAt(f.Service.At, "this review is left out of the system: one system holds at most %d services", MaxServices))
			continue
		case edges+len(f.Dependencies) > MaxEdges:
			ds = append(ds, warnAt(f.Service.At, "this review is left out of the system: one system holds at most %d dependency entries", MaxEdges))
			continue
		}
		edges += len(f.Dependencies)
		kept = append(kept, f)
	}
	facts = kept
	s := &System{facts: facts, byFile: make(map[string]int, len(facts)), node: make(map[string]int, len(facts)), nodeOf: make([]int, len(facts))}
	for i, f := range facts {
		if _, dup := s.byFile[f.File]; !dup {
			s.byFile[f.File] = i
		}
		if first, dup := s.node[f.Service.Name]; dup {
			ds = append(ds, warnAt(f.Service.At, "service %q is also described by %s: the system takes that review for it, and this one's dependencies count only here",
				f.Service.Name, facts[first].File))
			continue
		}
		s.node[f.Service.Name] = i
	}
	// Nodes are the services, sorted by name.
	order := make([]int, 0, len(s.node))
	for _, i := range s.node {
		order = append(order, i)
	}
	sort.Slice(order, func(a, b int) bool { return facts[order[a]].Service.Name < facts[order[b]].Service.Name })
	for i := range s.nodeOf {
		s.nodeOf[i] = -1
	}
	s.Graph.Services = make([]Service, len(order))
	for n, i := range order {
		s.nodeOf[i] = n
		s.Graph.Services[n] = facts[i].Service
	}
	s.Graph.Edges = make([]Edge, 0, edges)
	for _, i := range order {
		f := &facts[i]
		for k, d := range f.Dependencies {
			_, reviewed := s.node[d.Name]
			s.Graph.Edges = append(s.Graph.Edges, Edge{From: f.Service.Name, To: d.Name, Index: k, Hard: d.Hard, Sync: d.Sync,
				Attempts: d.Attempts, Reviewed: reviewed, At: d.At})
		}
	}
	s.derive()
	s.ix = buildIndexes(s)
	s.notes = map[string]diag.Diagnostics{}
	for _, d := range ds {
		s.notes[d.Subject.Filename] = append(s.notes[d.Subject.Filename], d)
	}
	return s, ds
}

func warnAt(at At, format string, args ...any) diag.Diagnostic {
	p := diag.Pos{Line: at.Line, Column: at.Column}
	return diag.Diagnostic{Severity: diag.Warning, Summary: fmt.Sprintf(format, args...), Subject: &diag.Range{Filename: at.File, Start: p, End: p}}
}

// Files lists the reviews of the system, sorted.
func (s *System) Files() []string {
	out := make([]string, len(s.facts))
	for i, f := range s.facts {
		out[i] = f.File
	}
	return out
}

// Has reports whether a review is part of the system.
func (s *System) Has(file string) bool {
	if s == nil {
		return false
	}
	_, ok := s.byFile[file]
	return ok
}

// callee is the facts of the review describing a service, when the
// system has one.
func (s *System) callee(name string) (*Facts, int, bool) {
	i, ok := s.node[name]
	if !ok {
		return nil, -1, false
	}
	return &s.facts[i], s.nodeOf[i], true
}
