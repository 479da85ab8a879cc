package graphdraw

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/archvet/archvet/internal/system"
)

// clean makes a name safe to show in any format before that format's own
// escaping: invalid UTF-8, control characters (XML 1.0 forbids most, and
// a newline would end a Mermaid or DOT statement) and bidirectional
// overrides (which reorder what a reader sees) become U+FFFD, and runs of
// white space one space.
func clean(s string) string {
	var b strings.Builder
	space := false
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		switch {
		case r == utf8.RuneError && size <= 1:
			r = unicode.ReplacementChar
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r) || isBidi(r) || r == 0xfeff || (r >= 0xfff9 && r <= 0xfffb):
			r = unicode.ReplacementChar
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func isBidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// Neighbourhood is the part of a graph around some services: those
// services, every service one dependency away from them (either way),
// the dependency entries between the services kept, and the unreviewed
// callees of the services asked for. It is what a pull-request comment
// shows: the services with system findings and their neighbours.
func Neighbourhood(g system.Graph, focus map[string]bool) system.Graph {
	keep := map[string]bool{}
	for name := range focus {
		keep[name] = true
	}
	for _, e := range g.Edges {
		if focus[e.From] {
			keep[e.To] = true
		}
		if focus[e.To] {
			keep[e.From] = true
		}
	}
	var out system.Graph
	reviewed := map[string]bool{}
	for _, s := range g.Services {
		reviewed[s.Name] = true
		if keep[s.Name] {
			out.Services = append(out.Services, s)
		}
	}
	for _, e := range g.Edges {
		if !keep[e.From] || !reviewed[e.From] {
			continue
		}
		if reviewed[e.To] && keep[e.To] || !reviewed[e.To] && focus[e.From] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}
