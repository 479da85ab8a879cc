package document

import (
	"strconv"
	"strings"
)

// Key is the identity of a logical path: the path with every list index
// whose entry has a non-empty string `name` written as that name, so that
// dependencies[2].timeout_ms becomes dependencies[payments].timeout_ms.
// Inserting, removing or reordering entries of a list then leaves the key
// of every other entry's findings unchanged, which is what baselines and
// fingerprints need. Policies keep reporting index paths (the index still
// resolves positions); only identity uses the key.
//
// A name is written bare, [payments], when it is made of letters, digits,
// '_' and '-' and is not all digits (that would read as an index);
// otherwise it is Go-quoted, ["eu.payments"], ["7"]. Entries without a
// name, indices past the end of a list, and anything the path cannot be
// followed through keep their spelling. HCL list blocks carry their label
// in the entry's name field, so a YAML review and its HCL twin give the
// same keys.
func (d *Document) Key(path string) string {
	if d == nil || !strings.Contains(path, "[") {
		return path
	}
	var b strings.Builder
	var cur any = d.Value
	for _, s := range splitPath(path) {
		spell := path[s.start:s.end]
		if s.index {
			cur, spell = entryKey(cur, spell)
		} else {
			cur = child(cur, spell)
		}
		b.WriteString(spell)
	}
	return b.String()
}

// entryKey steps into the list entry an index segment names, and returns
// the segment's identity spelling: the entry's name when it has one.
func entryKey(list any, spell string) (any, string) {
	l, _ := list.([]any)
	i, err := strconv.Atoi(spell[1 : len(spell)-1])
	if err != nil || i < 0 || i >= len(l) {
		return nil, spell
	}
	entry := l[i]
	if m, ok := entry.(map[string]any); ok {
		if name, ok := m["name"].(string); ok && name != "" {
			return entry, NameSegment(name)
		}
	}
	return entry, spell
}

// child steps into the value of an object key segment (".key", "key" or
// `["key"]`); nil when the value is not an object or lacks the key.
func child(v any, spell string) any {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	key := strings.TrimPrefix(spell, ".")
	if strings.HasPrefix(key, `["`) && strings.HasSuffix(key, `"]`) {
		uq, err := strconv.Unquote(key[1 : len(key)-1])
		if err != nil {
			return nil
		}
		key = uq
	}
	return m[key]
}

// NameSegment is how a list entry named name is written in a key.
func NameSegment(name string) string {
	if isBareKey(name) && strings.Trim(name, "0123456789") != "" {
		return "[" + name + "]"
	}
	return "[" + strconv.Quote(name) + "]"
}
