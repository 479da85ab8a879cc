package document

import (
	"strconv"
	"strings"
)

// JoinKey appends an object key to a logical path. Keys that could be
// misread as path syntax are written as a Go-quoted string in brackets, so
// every path parses back into the same segments.
func JoinKey(base, key string) string {
	if !isBareKey(key) {
		return base + "[" + strconv.Quote(key) + "]"
	}
	if base == "" {
		return key
	}
	return base + "." + key
}

// JoinIndex appends a 0-based list index to a logical path.
func JoinIndex(base string, i int) string {
	return base + "[" + strconv.Itoa(i) + "]"
}

func isBareKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-':
		default:
			return false
		}
	}
	return true
}

// segment is one step of a logical path: p[start:end] is its spelling,
// including the leading "." or the brackets.
type segment struct {
	start, end int
	index      bool // a list index [N] rather than an object key
}

// splitPath cuts a path into its segments. A malformed tail becomes one
// last segment, so a caller still gets every well-formed ancestor.
func splitPath(p string) []segment {
	var segs []segment
	i := 0
	for i < len(p) {
		start := i
		switch {
		case p[i] == '[':
			if end, idx, ok := scanBracket(p, i); ok {
				segs = append(segs, segment{start, end, idx})
				i = end
				continue
			}
		case p[i] == '.' && i > 0, i == 0:
			j := i
			if p[j] == '.' {
				j++
			}
			k := j
			for k < len(p) && p[k] != '.' && p[k] != '[' {
				k++
			}
			if k > j {
				segs = append(segs, segment{start, k, false})
				i = k
				continue
			}
		}
		return append(segs, segment{start, len(p), false})
	}
	return segs
}

// scanBracket reads `[N]` or `["key"]` starting at p[i] == '['.
func scanBracket(p string, i int) (end int, index, ok bool) {
	rest := p[i+1:]
	if strings.HasPrefix(rest, `"`) {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil || !strings.HasPrefix(rest[len(q):], "]") {
			return 0, false, false
		}
		return i + 1 + len(q) + 1, false, true
	}
	j := 0
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	if j == 0 || j >= len(rest) || rest[j] != ']' {
		return 0, false, false
	}
	return i + 1 + j + 1, true, true
}

// withoutIndices drops the list indices from a path, which is how Shape
// names the enclosing object: every entry of a list has the same shape.
func withoutIndices(p string) string {
	var b strings.Builder
	for _, s := range splitPath(p) {
		if s.index {
			continue
		}
		seg := p[s.start:s.end]
		if b.Len() == 0 {
			seg = strings.TrimPrefix(seg, ".")
		} else if seg[0] != '.' && seg[0] != '[' {
			b.WriteByte('.')
		}
		b.WriteString(seg)
	}
	return b.String()
}
