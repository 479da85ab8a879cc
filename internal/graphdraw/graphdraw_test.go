package graphdraw

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/system"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// shop is a small system: a tier-0 checkout calling payments and
// inventory, a cycle between inventory and pricing, a tier inversion
// (checkout on the tier-3 recommendations), a soft async edge and a
// callee no review names.
func shop() (system.Graph, Options) {
	svc := func(name string, tier int) system.Service {
		return system.Service{Name: name, File: "designs/" + name + "/design.yaml", Tier: tier, At: system.At{File: "designs/" + name + "/design.yaml", Line: 3, Column: 3}}
	}
	edge := func(from string, i int, to string, hard, sync bool, attempts int) system.Edge {
		return system.Edge{From: from, To: to, Index: i, Hard: hard, Sync: sync, Attempts: attempts, Reviewed: to != "fraud-vendor", At: system.At{File: "designs/" + from + "/design.yaml", Line: 20 + 4*i, Column: 5}}
	}
	g := system.Graph{
		Services: []system.Service{
			svc("checkout", 0), svc("inventory", 1), svc("notifications", 2), svc("payments", 1),
			svc("pricing", 1), svc("recommendations", 3), svc("search", 2), svc("storefront", 0),
		},
		Edges: []system.Edge{
			edge("checkout", 0, "payments", true, true, 3),
			edge("checkout", 1, "inventory", true, true, 2),
			edge("checkout", 2, "recommendations", true, true, 1),
			edge("checkout", 3, "notifications", false, false, 1),
			edge("inventory", 0, "pricing", true, true, 4),
			edge("payments", 0, "fraud-vendor", true, true, 2),
			edge("pricing", 0, "inventory", true, true, 4),
			edge("search", 0, "pricing", false, true, 1),
			edge("storefront", 0, "search", true, true, 2),
			edge("storefront", 1, "checkout", true, true, 1),
		},
	}
	o := Options{
		Title:    "shop",
		Verdicts: map[string]string{"checkout": NotReady, "inventory": Conditional, "payments": Ready, "pricing": NotReady, "recommendations": Ready, "search": Ready, "storefront": Ready, "notifications": Conditional},
		Scores:   map[string]float64{"checkout": 71.25, "inventory": 80, "payments": 93.5, "pricing": 66.666, "recommendations": 91, "search": 95, "storefront": 98, "notifications": 88},
		Failing:  map[string]bool{"checkout/2": true, "inventory/0": true, "pricing/0": true, "payments/0": true},
	}
	return g, o
}

var formats = map[string]func(io.Writer, system.Graph, Options) error{
	"mmd": Mermaid,
	"dot": DOT,
	"svg": SVG,
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/graphdraw -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (go test ./internal/graphdraw -update rewrites it):\n%s", name, path, got)
	}
}

func draw(t *testing.T, format string, g system.Graph, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := formats[format](&b, g, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	g, o := shop()
	for f := range formats {
		golden(t, "shop."+f, draw(t, f, g, o))
	}
}

// TestDeterministic draws the same graph twice (maps are walked in the
// options) and expects the same bytes.
func TestDeterministic(t *testing.T) {
	g, o := shop()
	for f := range formats {
		if a, b := draw(t, f, g, o), draw(t, f, g, o); !bytes.Equal(a, b) {
			t.Errorf("%s: two drawings of one graph differ", f)
		}
	}
}

func TestRanksFollowTiers(t *testing.T) {
	g, o := shop()
	d := resolve(g, o)
	if want := []int{0, 1, 2, 3, -1}; fmt.Sprint(d.tiers) != fmt.Sprint(want) {
		t.Fatalf("ranks are tiers %v, want %v", d.tiers, want)
	}
	d.place()
	y := map[string]float64{}
	for _, n := range d.nodes {
		y[n.name] = n.y
	}
	for _, pair := range [][2]string{{"checkout", "payments"}, {"payments", "search"}, {"search", "recommendations"}, {"recommendations", "fraud-vendor"}} {
		if y[pair[0]] >= y[pair[1]] {
			t.Errorf("%s (y %.0f) is not drawn above %s (y %.0f)", pair[0], y[pair[0]], pair[1], y[pair[1]])
		}
	}
	if y["checkout"] != y["storefront"] {
		t.Errorf("the two tier-0 services are on different rows")
	}
}

// TestBarycentreUncrosses builds two ranks whose name order crosses every
// edge (a→z, b→y, c→x) and expects the sweeps to remove the crossings.
func TestBarycentreUncrosses(t *testing.T) {
	g := system.Graph{
		Services: []system.Service{{Name: "a", Tier: 0}, {Name: "b", Tier: 0}, {Name: "c", Tier: 0}, {Name: "x", Tier: 1}, {Name: "y", Tier: 1}, {Name: "z", Tier: 1}},
		Edges:    []system.Edge{{From: "a", To: "z", Reviewed: true}, {From: "b", To: "y", Reviewed: true}, {From: "c", To: "x", Reviewed: true}},
	}
	d := resolve(g, Options{})
	if c := d.crossings(); c != 0 {
		t.Errorf("%d crossings left, want 0", c)
	}
	// Name order had three.
	d.ranks = [][]int{{0, 1, 2}, {3, 4, 5}}
	d.number()
	if c := d.crossings(); c != 3 {
		t.Errorf("name order has %d crossings, want 3", c)
	}
}

// TestLayoutNeverWorse checks on the fixture that the chosen order has no
// more crossings than the name order it starts from.
func TestLayoutNeverWorse(t *testing.T) {
	g, o := shop()
	d := resolve(g, o)
	after := d.crossings()
	for _, r := range d.ranks {
		sortByName(d, r)
	}
	d.number()
	if before := d.crossings(); after > before {
		t.Errorf("the sweeps left %d crossings, name order had %d", after, before)
	}
}

func sortByName(d *drawing, r []int) {
	for i := range r {
		for j := i + 1; j < len(r); j++ {
			if d.nodes[r[j]].name < d.nodes[r[i]].name {
				r[i], r[j] = r[j], r[i]
			}
		}
	}
}

// TestWideRankWraps draws 50 services, 30 of them in one tier, and
// expects no row wider than perRow boxes, a canvas under 1,100 pixels and
// no two boxes overlapping.
func TestWideRankWraps(t *testing.T) {
	g := fifty()
	d := resolve(g, Options{})
	width, _ := d.place()
	if width > 1100 {
		t.Errorf("canvas %d px wide at 50 services", width)
	}
	rows := map[float64]int{}
	for i, a := range d.nodes {
		rows[a.y]++
		for _, b := range d.nodes[i+1:] {
			if a.x < b.x+nodeW && b.x < a.x+nodeW && a.y < b.y+nodeH && b.y < a.y+nodeH {
				t.Fatalf("%s and %s overlap", a.name, b.name)
			}
		}
	}
	for y, n := range rows {
		if n > perRow {
			t.Errorf("row at y %.0f holds %d boxes, more than %d", y, n, perRow)
		}
	}
}

func fifty() system.Graph {
	var g system.Graph
	tier := func(i int) int {
		switch {
		case i < 5:
			return 0
		case i < 15:
			return 1
		case i < 45:
			return 2
		}
		return 3
	}
	for i := range 50 {
		g.Services = append(g.Services, system.Service{Name: fmt.Sprintf("service-%02d", i), Tier: tier(i)})
	}
	for i := range 50 {
		for k := 1; k <= 3; k++ {
			to := (i*7 + k*11) % 50
			if to != i {
				g.Edges = append(g.Edges, system.Edge{From: fmt.Sprintf("service-%02d", i), To: fmt.Sprintf("service-%02d", to), Index: k - 1, Hard: true, Sync: true, Reviewed: true})
			}
		}
	}
	return g
}

// hostile names try to break out of every format: markup, quotes, a
// Mermaid statement and a closing code fence, DOT escapes, newlines,
// control and bidirectional characters.
var hostile = []string{
	`<script>alert(1)</script>`,
	`a"];n9[click n9 "javascript:alert(1)"];x["`,
	"svc\n```\n<img src=x onerror=alert(1)>",
	`x\" -> evil [label=\N`,
	"ctl\x00\x1b[31m\u202eevil\u0085",
	`]]></title><foreignObject>`,
}

func hostileGraph() (system.Graph, Options) {
	var g system.Graph
	o := Options{Title: `</title><script>`, Verdicts: map[string]string{}, Failing: map[string]bool{}}
	for i, name := range hostile {
		g.Services = append(g.Services, system.Service{Name: name, File: name + ".yaml", Tier: i % 3})
		o.Verdicts[name] = `" onload="alert(1)`
	}
	for i, name := range hostile {
		g.Edges = append(g.Edges, system.Edge{From: name, To: hostile[(i+1)%len(hostile)], Index: 0, Hard: true, Sync: true, Reviewed: true})
		g.Edges = append(g.Edges, system.Edge{From: name, To: name + "<unreviewed>", Index: 1})
		o.Failing[EdgeKey(name, 0)] = true
	}
	return g, o
}

func TestHostileSVG(t *testing.T) {
	g, o := hostileGraph()
	out := draw(t, "svg", g, o)
	// Well-formed XML, and the only elements are the drawing's own.
	dec := xml.NewDecoder(bytes.NewReader(out))
	allowed := map[string]bool{"svg": true, "title": true, "defs": true, "marker": true, "path": true, "rect": true, "text": true, "g": true, "line": true}
	texts := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v\n%s", err, out)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if !allowed[el.Name.Local] {
				t.Errorf("the SVG has a <%s> element", el.Name.Local)
			}
			for _, a := range el.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || a.Name.Local == "href" {
					t.Errorf("the SVG has a %s attribute", a.Name.Local)
				}
			}
		case xml.CharData:
			texts += string(el)
		}
	}
	if !strings.Contains(texts, "<script>alert(1)</script>") {
		t.Error("the hostile name is not shown as text")
	}
	for _, bad := range []string{"\x00", "\x1b", "\u202e", "\u0085"} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("the SVG carries %q", bad)
		}
	}
}

func TestHostileMermaid(t *testing.T) {
	g, o := hostileGraph()
	out := string(draw(t, "mmd", g, o))
	// Every statement is one of the drawing's own shapes.
	statement := regexp.MustCompile(`^(flowchart TB|  subgraph t\d+\["[^"\x60<>\[\]]*"\]|    direction LR|    n\d+\["[^"\x60<>\[\]]*<br/>[^"\x60<>\[\]]*"\]|  end|  n\d+ (-->|==>|-\.->) n\d+|  t\d+ ~~~ t\d+|  classDef [a-z]+ [^"\x60<>]*|  class [n\d,]+ [a-z]+|  linkStyle [\d,]+ stroke:#[0-9a-f]+,stroke-width:3px)$`)
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !statement.MatchString(line) {
			t.Errorf("unexpected Mermaid line %q", line)
		}
	}
	if strings.Contains(out, "```") || strings.Contains(out, "click") && !strings.Contains(out, "#91;click") {
		t.Errorf("hostile text survived:\n%s", out)
	}
}

func TestHostileDOT(t *testing.T) {
	g, o := hostileGraph()
	out := string(draw(t, "dot", g, o))
	// Outside quoted strings only the drawing's own tokens appear.
	outside := regexp.MustCompile(`^[A-Za-z0-9_ \[\]=,;{}\-\>\n.]*$`)
	var b strings.Builder
	in := false
	for i := 0; i < len(out); i++ {
		c := out[i]
		switch {
		case in && c == '\\':
			i++
		case c == '"':
			in = !in
		case !in:
			b.WriteByte(c)
		}
	}
	if in {
		t.Fatal("a quoted string is left open")
	}
	if !outside.MatchString(b.String()) {
		t.Errorf("unexpected DOT outside strings:\n%s", b.String())
	}
	if strings.Contains(out, `\N`) && !strings.Contains(out, `\\N`) {
		t.Error("a Graphviz escape survived")
	}
}

func TestNeighbourhood(t *testing.T) {
	g, _ := shop()
	n := Neighbourhood(g, map[string]bool{"pricing": true})
	var names []string
	for _, s := range n.Services {
		names = append(names, s.Name)
	}
	if got, want := strings.Join(names, ","), "inventory,pricing,search"; got != want {
		t.Errorf("neighbourhood of pricing is %s, want %s", got, want)
	}
	var edges []string
	for _, e := range n.Edges {
		edges = append(edges, EdgeKey(e.From, e.Index))
	}
	if got, want := strings.Join(edges, ","), "inventory/0,pricing/0,search/0"; got != want {
		t.Errorf("neighbourhood edges %s, want %s", got, want)
	}
	// The unreviewed callee of a service asked for comes along; that of a
	// neighbour does not.
	n = Neighbourhood(g, map[string]bool{"payments": true})
	if len(n.Edges) != 2 || n.Edges[1].To != "fraud-vendor" {
		t.Errorf("neighbourhood of payments has edges %+v", n.Edges)
	}
}
