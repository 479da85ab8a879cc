// Package graphdraw draws a system's service graph: as Mermaid (which
// GitHub renders in a pull-request comment), as Graphviz DOT, and as a
// self-contained SVG that the HTML report inlines. Every drawing ranks the
// services by tier (tier 0 at the top), colours each by its review's
// verdict and marks the dependency entries a system rule failed at.
//
// Service names come from the reviews, so they are attacker-controlled:
// every format escapes them for its own syntax, and node identifiers are
// the drawing's own (n0, n1, ...), never a name.
//
// The SVG is laid out here, in Go, by a small layered (Sugiyama-style)
// layout: ranks are fixed by tier, the order within a rank is improved by
// barycentre sweeps, and a rank wider than a row wraps onto several rows,
// so 50 services stay readable on a page. No layered-layout library is
// served by the module proxy this project builds from (nulab/autog is
// not; goccy/go-graphviz carries a WebAssembly Graphviz for one diagram),
// and the layout needs little: tiers already give the ranks.
package graphdraw

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/archvet/archvet/internal/system"
)

// Verdicts a node is coloured by: a review's verdict (checks.Verdict's
// values). A service with none is drawn grey.
const (
	Ready       = "ready"
	Conditional = "conditional"
	NotReady    = "not-ready"
)

// Options say what the graph cannot: each service's verdict and score,
// and which dependency entries a system rule failed at.
type Options struct {
	// Verdicts maps a service name to its review's verdict.
	Verdicts map[string]string
	// Scores maps a service name to its score, shown under the name.
	Scores map[string]float64
	// Failing holds the keys (EdgeKey) of the failing dependency entries.
	Failing map[string]bool
	// Title names the drawing (SVG title, DOT graph label).
	Title string
}

// EdgeKey is the identity of a dependency entry, "from/index", the key of
// system.Derived's per-edge maps.
func EdgeKey(from string, index int) string {
	return from + "/" + strconv.Itoa(index)
}

// node is one box of the drawing.
type node struct {
	id      string // n0, n1, ...: never the name
	name    string
	file    string
	tier    int
	verdict string
	score   *float64
	// unreviewed is a dependency's callee that no review of the run
	// names: drawn with a dashed border on the bottom rank.
	unreviewed bool
	rank       int
	order      int // position within its rank
	x, y       float64
}

// edge is one dependency entry between two nodes of the drawing.
type edge struct {
	from, to   int // node indexes
	key        string
	hard, sync bool
	failing    bool
}

// drawing is a graph resolved into nodes and edges, ranked and ordered.
type drawing struct {
	nodes []node
	edges []edge
	// ranks lists each rank's node indexes in drawing order; tiers names
	// each rank's tier (-1 for the rank of unreviewed callees).
	ranks [][]int
	tiers []int
	title string
}

// sweeps is how many down-and-up barycentre passes order the ranks; the
// ordering with the fewest crossings seen is kept.
const sweeps = 6

// resolve turns a graph into a drawing: one node per service (the first
// of two services with one name), one per callee no review names, and one
// edge per dependency entry whose caller is a service.
func resolve(g system.Graph, o Options) *drawing {
	d := &drawing{title: o.Title}
	index := map[string]int{}
	for _, s := range g.Services {
		if _, dup := index[s.Name]; dup {
			continue
		}
		index[s.Name] = len(d.nodes)
		n := node{name: s.Name, file: s.File, tier: s.Tier, verdict: o.Verdicts[s.Name]}
		if sc, ok := o.Scores[s.Name]; ok {
			n.score = &sc
		}
		d.nodes = append(d.nodes, n)
	}
	reviewed := len(d.nodes)
	for _, e := range g.Edges {
		from, ok := index[e.From]
		if !ok || from >= reviewed {
			continue
		}
		to, ok := index[e.To]
		if !ok {
			to = len(d.nodes)
			index[e.To] = to
			d.nodes = append(d.nodes, node{name: e.To, unreviewed: true})
		}
		key := EdgeKey(e.From, e.Index)
		d.edges = append(d.edges, edge{from: from, to: to, key: key, hard: e.Hard, sync: e.Sync, failing: o.Failing[key]})
	}
	for i := range d.nodes {
		d.nodes[i].id = "n" + strconv.Itoa(i)
	}
	d.rank()
	d.order()
	return d
}

// rank gives each node the rank of its tier: the distinct tiers in
// increasing order, then one rank for the unreviewed callees.
func (d *drawing) rank() {
	var tiers []int
	unreviewed := false
	for _, n := range d.nodes {
		if n.unreviewed {
			unreviewed = true
			continue
		}
		tiers = append(tiers, n.tier)
	}
	slices.Sort(tiers)
	tiers = slices.Compact(tiers)
	if unreviewed {
		tiers = append(tiers, -1)
	}
	d.tiers = tiers
	d.ranks = make([][]int, len(tiers))
	for i := range d.nodes {
		n := &d.nodes[i]
		r := len(tiers) - 1
		if !n.unreviewed {
			r, _ = slices.BinarySearch(tiers[:len(tiers)-boolInt(unreviewed)], n.tier)
		}
		n.rank = r
		d.ranks[r] = append(d.ranks[r], i)
	}
	// Start from name order, so the result depends on the graph only.
	for _, r := range d.ranks {
		slices.SortFunc(r, func(a, b int) int { return cmp.Compare(d.nodes[a].name, d.nodes[b].name) })
	}
	d.number()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// number records each node's position within its rank.
func (d *drawing) number() {
	for _, r := range d.ranks {
		for i, n := range r {
			d.nodes[n].order = i
		}
	}
}

// order improves the order within each rank by barycentre sweeps: going
// down, each rank is sorted by the mean relative position of its nodes'
// neighbours in the ranks above; going up, in the ranks below. Relative
// positions (order / rank width) let ranks of different widths pull on
// each other fairly. The ordering with the fewest crossings wins; ties
// keep the earlier one, so the name order stays when nothing helps.
func (d *drawing) order() {
	if len(d.ranks) < 2 || len(d.edges) == 0 {
		return
	}
	adj := make([][]int, len(d.nodes))
	for _, e := range d.edges {
		if e.from == e.to {
			continue
		}
		adj[e.from] = append(adj[e.from], e.to)
		adj[e.to] = append(adj[e.to], e.from)
	}
	best := d.snapshot()
	bestCross := d.crossings()
	for s := 0; s < sweeps; s++ {
		for r := 1; r < len(d.ranks); r++ {
			d.sortRank(r, adj, func(rank int) bool { return rank < r })
		}
		for r := len(d.ranks) - 2; r >= 0; r-- {
			d.sortRank(r, adj, func(rank int) bool { return rank > r })
		}
		if c := d.crossings(); c < bestCross {
			best, bestCross = d.snapshot(), c
		}
	}
	d.ranks = best
	d.number()
}

// sortRank sorts rank r by the barycentre of each node's neighbours in
// the ranks that side selects; a node with no such neighbour keeps its
// own relative position.
func (d *drawing) sortRank(r int, adj [][]int, side func(rank int) bool) {
	rank := d.ranks[r]
	bary := make(map[int]float64, len(rank))
	for _, n := range rank {
		sum, k := 0.0, 0
		for _, m := range adj[n] {
			if side(d.nodes[m].rank) {
				sum += d.relative(m)
				k++
			}
		}
		if k == 0 {
			bary[n] = d.relative(n)
			continue
		}
		bary[n] = sum / float64(k)
	}
	slices.SortStableFunc(rank, func(a, b int) int { return cmp.Compare(bary[a], bary[b]) })
	for i, n := range rank {
		d.nodes[n].order = i
	}
}

// relative is a node's position in its rank as a share of the rank's
// width, its centre: 0.5 for a rank of one.
func (d *drawing) relative(n int) float64 {
	width := len(d.ranks[d.nodes[n].rank])
	return (float64(d.nodes[n].order) + 0.5) / float64(width)
}

func (d *drawing) snapshot() [][]int {
	out := make([][]int, len(d.ranks))
	for i, r := range d.ranks {
		out[i] = slices.Clone(r)
	}
	return out
}

// crossings counts the pairs of edges that cross between ranks, with
// nodes at their relative positions: two edges cross when their ends are
// in opposite orders. Edges within one rank are left out. It is quadratic
// in the edges, so beyond a few thousand edges it samples nothing and
// reports 0 (the sweeps then keep their last ordering).
func (d *drawing) crossings() int {
	type seg struct{ a, b float64 }
	var segs []seg
	for _, e := range d.edges {
		f, t := d.nodes[e.from], d.nodes[e.to]
		if f.rank == t.rank {
			continue
		}
		a, b := d.relative(e.from), d.relative(e.to)
		if f.rank > t.rank {
			a, b = b, a
		}
		segs = append(segs, seg{a, b})
	}
	if len(segs) > maxCrossingEdges {
		return 0
	}
	n := 0
	for i := range segs {
		for j := i + 1; j < len(segs); j++ {
			if (segs[i].a-segs[j].a)*(segs[i].b-segs[j].b) < 0 {
				n++
			}
		}
	}
	return n
}

// maxCrossingEdges bounds the crossing count's quadratic work.
const maxCrossingEdges = 3000

// label is a node's name cut to fit its box, with an ellipsis.
func label(name string, max int) string {
	name = strings.Join(strings.Fields(name), " ")
	r := []rune(name)
	if len(r) <= max {
		return name
	}
	return string(r[:max-1]) + "…"
}

// tierName is a rank's heading.
func tierName(t int) string {
	if t < 0 {
		return "no review"
	}
	return "tier " + strconv.Itoa(t)
}

// verdictText is a verdict as the drawing says it.
func verdictText(v string) string {
	switch v {
	case Ready:
		return "ready"
	case Conditional:
		return "conditional"
	case NotReady:
		return "not ready"
	}
	return "no verdict"
}

// caption is a node's second line: its tier and score, or that it has no
// review.
func (n node) caption() string {
	if n.unreviewed {
		return "no review"
	}
	s := "tier " + strconv.Itoa(n.tier)
	if n.score != nil {
		s += " · " + strconv.FormatFloat(*n.score, 'f', 1, 64)
	}
	return s
}
