package graphdraw

import (
	"bufio"
	"cmp"
	"fmt"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/archvet/archvet/internal/system"
)

// Geometry of the SVG, in pixels. A rank holding more than perRow
// services wraps onto several rows: its nodes are dealt column by column
// (the first rows nodes into the first column, and so on), so the left to
// right order the sweeps chose survives the wrap and the drawing stays a
// page wide at 50 services.
const (
	nodeW    = 132
	nodeH    = 42
	gapX     = 20
	rowGap   = 30
	rankGap  = 70
	labelW   = 78
	pad      = 16
	legendH  = 90
	perRow   = 6
	nameMax  = 17
	minWidth = 720
)

// Colours by verdict: the HTML report's bands.
var fills = map[string]string{Ready: "#2f7d4f", Conditional: "#b7791f", NotReady: "#c0392b"}

const (
	noVerdictFill = "#a0aec0"
	edgeColour    = "#7a8494"
	failColour    = "#c0392b"
	ink           = "#1a202c"
	muted         = "#5a6473"
	fontFamily    = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"
	arrowID       = "archvet-graph-arrow"
	failArrowID   = "archvet-graph-arrow-failing"
)

// SVG writes the graph as one self-contained SVG element: no script, no
// external font, style or image, every name escaped.
func SVG(w io.Writer, g system.Graph, o Options) error {
	d := resolve(g, o)
	width, height := d.place()
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	title := o.Title
	if title == "" {
		title = "Service graph"
	}
	title = xmlText(title)
	p(`<svg class="system-graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="%s" viewBox="0 0 %d %d" width="%d" height="%d" font-family="%s" font-size="12">`+"\n", title, width, height, width, height, fontFamily)
	p("<title>%s</title>\n", title)
	p(`<defs><marker id="%s" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="%s"/></marker>`, arrowID, edgeColour)
	p(`<marker id="%s" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="%s"/></marker></defs>`+"\n", failArrowID, failColour)
	p(`<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	d.legend(p)
	// Rank bands and headings.
	for r, ranked := range d.ranks {
		if len(ranked) == 0 {
			continue
		}
		top, bottom := d.rankSpan(r)
		if r%2 == 0 {
			p(`<rect x="%d" y="%s" width="%d" height="%s" fill="#f4f6f8"/>`+"\n", pad/2, num(top-rankGap/4), width-pad, num(bottom-top+rankGap/2))
		}
		p(`<text x="%d" y="%s" fill="%s" font-weight="700">%s</text>`+"\n", pad, num((top+bottom)/2+4), muted, tierName(d.tiers[r]))
	}
	// Edges under the nodes, the failing ones last so none hides them.
	rows := d.rows()
	for _, failing := range []bool{false, true} {
		for _, e := range d.edges {
			if e.failing == failing {
				d.edgeSVG(p, e, rows)
			}
		}
	}
	for _, n := range d.nodes {
		nodeSVG(p, n)
	}
	p("</svg>\n")
	return bw.Flush()
}

// place gives every node its top-left corner and returns the canvas size.
func (d *drawing) place() (width, height int) {
	cols := 1
	for _, r := range d.ranks {
		cols = max(cols, min(len(r), perRow))
	}
	width = max(minWidth, pad+labelW+cols*(nodeW+gapX)-gapX+(nodeW+gapX)/2+pad)
	inner := float64(width - pad - labelW - pad)
	y := float64(pad + legendH)
	for _, ranked := range d.ranks {
		if len(ranked) == 0 {
			continue
		}
		rows := (len(ranked) + perRow - 1) / perRow
		ncols := (len(ranked) + rows - 1) / rows
		rowW := float64(ncols*(nodeW+gapX) - gapX)
		if rows > 1 {
			rowW += float64(nodeW+gapX) / 2 // the staggered rows' lean
		}
		left := float64(pad+labelW) + (inner-rowW)/2
		for i, n := range ranked {
			col, row := i/rows, i%rows
			d.nodes[n].x = left + float64(col*(nodeW+gapX))
			d.nodes[n].y = y + float64(row*(nodeH+rowGap))
			// Alternate rows lean apart, so an edge into a lower row is
			// not drawn through the box above it.
			if rows > 1 && row%2 == 1 {
				d.nodes[n].x += float64(nodeW+gapX) / 2
			}
		}
		y += float64(rows*nodeH+(rows-1)*rowGap) + rankGap
	}
	height = int(y-rankGap) + pad + 24
	return width, height
}

// rankSpan is the vertical extent of rank r's boxes.
func (d *drawing) rankSpan(r int) (top, bottom float64) {
	top, bottom = -1, 0
	for _, n := range d.ranks[r] {
		y := d.nodes[n].y
		if top < 0 || y < top {
			top = y
		}
		bottom = max(bottom, y+nodeH)
	}
	return top, bottom
}

// legend explains the colours and the line styles.
func (d *drawing) legend(p func(string, ...any)) {
	x := float64(pad)
	y := float64(pad)
	swatch := func(fill, stroke, dash, text, textFill string) {
		p(`<rect x="%s" y="%s" width="26" height="14" rx="3" fill="%s" stroke="%s"%s/>`, num(x), num(y), fill, stroke, dash)
		p(`<text x="%s" y="%s" fill="%s">%s</text>`+"\n", num(x+32), num(y+11), textFill, text)
		x += 32 + float64(len(text))*6.6 + 18
	}
	swatch(fills[Ready], fills[Ready], "", "ready", ink)
	swatch(fills[Conditional], fills[Conditional], "", "conditional", ink)
	swatch(fills[NotReady], fills[NotReady], "", "not ready", ink)
	swatch(noVerdictFill, noVerdictFill, "", "no verdict", ink)
	swatch("#ffffff", muted, ` stroke-dasharray="4 3"`, "no review in this run", ink)
	x, y = float64(pad), y+24
	line := func(colour, w, dash, text string) {
		p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s/>`, num(x), num(y+7), num(x+26), num(y+7), colour, w, dash)
		p(`<text x="%s" y="%s" fill="%s">%s</text>`+"\n", num(x+32), num(y+11), ink, text)
		x += 32 + float64(len(text))*6.6 + 18
	}
	line(edgeColour, "1.5", "", "hard sync dependency")
	line(edgeColour, "1.5", ` stroke-dasharray="5 4"`, "soft or async")
	line(failColour, "3", "", "a system rule fails here")
}

// edgeSVG draws one dependency entry as a curve from the caller to the
// callee: down from the caller's bottom into the callee's top, up from
// its top into the callee's bottom, or, within a row, as an arc (below
// when it runs left to right, above when right to left, so the two
// directions of a cycle read apart). An edge that crosses rows on its way
// passes each through the gap between boxes nearest its course, so no
// line is drawn through a box it does not touch.
func (d *drawing) edgeSVG(p func(string, ...any), e edge, rows []row) {
	f, t := d.nodes[e.from], d.nodes[e.to]
	var path string
	switch {
	case e.from == e.to:
		x, y := f.x+nodeW, f.y+nodeH/2
		path = fmt.Sprintf("M%s,%s C%s,%s %s,%s %s,%s", num(x), num(y-8), num(x+34), num(y-26), num(x+34), num(y+26), num(x), num(y+8))
	case t.y > f.y+1:
		path = route(f.x+nodeW/2+port(f, t), f.y+nodeH, t.x+nodeW/2+port(t, f), t.y, rows)
	case t.y < f.y-1:
		path = route(f.x+nodeW/2+port(f, t), f.y, t.x+nodeW/2+port(t, f), t.y+nodeH, rows)
	case f.x < t.x:
		x1, x2, y := f.x+nodeW/2, t.x+nodeW/2-16, f.y+nodeH
		dy := arcDepth(x2 - x1)
		path = fmt.Sprintf("M%s,%s C%s,%s %s,%s %s,%s", num(x1), num(y), num(x1), num(y+dy), num(x2), num(y+dy), num(x2), num(y))
	default:
		x1, x2, y := f.x+nodeW/2, t.x+nodeW/2+16, f.y
		dy := arcDepth(x1 - x2)
		path = fmt.Sprintf("M%s,%s C%s,%s %s,%s %s,%s", num(x1), num(y), num(x1), num(y-dy), num(x2), num(y-dy), num(x2), num(y))
	}
	colour, width, marker, opacity := edgeColour, "1.2", arrowID, "0.55"
	if e.failing {
		colour, width, marker, opacity = failColour, "3", failArrowID, "1"
	}
	dash := ""
	if !e.hard || !e.sync {
		dash = ` stroke-dasharray="5 4"`
	}
	state := ""
	if e.failing {
		state = ": a system rule fails here"
	}
	p(`<path d="%s" fill="none" stroke="%s" stroke-width="%s" stroke-opacity="%s"%s marker-end="url(#%s)"><title>%s → %s (%s)%s</title></path>`+"\n",
		path, colour, width, opacity, dash, marker, xmlText(f.name), xmlText(t.name), xmlText(edgeWhat(e)), state)
}

// arcDepth is how far an arc within a row bows out: further for boxes
// further apart, so the arcs of one row do not run on top of each other,
// and never past the room between ranks.
func arcDepth(dx float64) float64 {
	return min(rankGap-8, 20+abs(dx)*0.12)
}

// port is where on its box's edge a line to other leaves or arrives:
// off the centre towards the other end, so the lines of a box with many
// fan out instead of meeting in one point.
func port(n, other node) float64 {
	return max(-nodeW*0.4, min(nodeW*0.4, (other.x-n.x)*0.12))
}

// row is one row of boxes: its top, and the boxes' left edges in order.
type row struct {
	y     float64
	lefts []float64
}

// rows lists the drawing's rows of boxes from the top.
func (d *drawing) rows() []row {
	byY := map[float64][]float64{}
	for _, n := range d.nodes {
		byY[n.y] = append(byY[n.y], n.x)
	}
	out := make([]row, 0, len(byY))
	for y, lefts := range byY {
		slices.Sort(lefts)
		out = append(out, row{y: y, lefts: lefts})
	}
	slices.SortFunc(out, func(a, b row) int { return cmp.Compare(a.y, b.y) })
	return out
}

// route is a path from (x1, y1) to (x2, y2), vertical at both ends, that
// crosses every row between them through the gap nearest the straight
// line's course at that row.
func route(x1, y1, x2, y2 float64, rows []row) string {
	down := y2 > y1
	lo, hi := min(y1, y2), max(y1, y2)
	var between []row
	for _, r := range rows {
		if r.y > lo && r.y+nodeH < hi {
			between = append(between, r)
		}
	}
	if !down {
		slices.Reverse(between)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "M%s,%s", num(x1), num(y1))
	x, y := x1, y1
	curve := func(nx, ny float64) {
		dy := (ny - y) / 2
		fmt.Fprintf(&b, " C%s,%s %s,%s %s,%s", num(x), num(y+dy), num(nx), num(ny-dy), num(nx), num(ny))
		x, y = nx, ny
	}
	for _, r := range between {
		mid := r.y + nodeH/2
		want := x1 + (x2-x1)*(mid-y1)/(y2-y1)
		gx := r.gap(want)
		top, bottom := r.y-6, r.y+nodeH+6
		if down {
			curve(gx, top)
			fmt.Fprintf(&b, " L%s,%s", num(gx), num(bottom))
			y = bottom
		} else {
			curve(gx, bottom)
			fmt.Fprintf(&b, " L%s,%s", num(gx), num(top))
			y = top
		}
	}
	curve(x2, y2)
	return b.String()
}

// gap is the x of the free column in the row nearest want: want itself
// when no box is there, else the middle of the nearest gap between two
// boxes or beside the row's ends.
func (r row) gap(want float64) float64 {
	for _, l := range r.lefts {
		if want > l-4 && want < l+nodeW+4 {
			best, dist := 0.0, -1.0
			cands := []float64{r.lefts[0] - gapX/2, r.lefts[len(r.lefts)-1] + nodeW + gapX/2}
			for i := 1; i < len(r.lefts); i++ {
				if r.lefts[i]-(r.lefts[i-1]+nodeW) >= 8 {
					cands = append(cands, (r.lefts[i-1]+nodeW+r.lefts[i])/2)
				}
			}
			for _, c := range cands {
				if dd := abs(c - want); dist < 0 || dd < dist {
					best, dist = c, dd
				}
			}
			return best
		}
	}
	return want
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// edgeWhat describes a dependency entry for a tooltip.
func edgeWhat(e edge) string {
	kind := "soft"
	if e.hard {
		kind = "hard"
	}
	if e.sync {
		kind += " sync"
	} else {
		kind += " async"
	}
	return kind
}

// nodeSVG draws one service as a box with its name and its tier and
// score, and the whole name, file and verdict as its tooltip.
func nodeSVG(p func(string, ...any), n node) {
	fill, stroke, text, dash := noVerdictFill, "#8795a8", ink, ""
	if c, ok := fills[n.verdict]; ok {
		fill, stroke, text = c, c, "#ffffff"
	}
	tip := n.name
	switch {
	case n.unreviewed:
		fill, stroke, text, dash = "#ffffff", muted, ink, ` stroke-dasharray="4 3"`
		tip += ": no review in this run"
	default:
		if n.file != "" {
			tip += " (" + n.file + ")"
		}
		tip += ": " + verdictText(n.verdict)
	}
	p(`<g><title>%s</title><rect x="%s" y="%s" width="%d" height="%d" rx="6" fill="%s" stroke="%s" stroke-width="1.5"%s/>`, xmlText(tip), num(n.x), num(n.y), nodeW, nodeH, fill, stroke, dash)
	p(`<text x="%s" y="%s" text-anchor="middle" fill="%s" font-weight="700" font-size="12.5">%s</text>`, num(n.x+nodeW/2), num(n.y+18), text, xmlText(label(n.name, nameMax)))
	p(`<text x="%s" y="%s" text-anchor="middle" fill="%s" font-size="11">%s</text></g>`+"\n", num(n.x+nodeW/2), num(n.y+33), text, xmlText(n.caption()))
}

// xmlText escapes s for XML text and attribute values, after clean.
func xmlText(s string) string {
	return html.EscapeString(clean(s))
}

// num writes a coordinate with one decimal, the same on every platform.
func num(f float64) string {
	return strconv.FormatFloat(f, 'f', 1, 64)
}
