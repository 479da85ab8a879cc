package report

import (
	"bytes"
	"io"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/rules"
)

// jsonFormatter writes the stable JSON shape described in model.go.
type jsonFormatter struct{ opts Options }

func (j jsonFormatter) Format(w io.Writer, rep checks.Report) error {
	return formatAll(j.Stream(w), rep)
}

// Stream writes the JSON report a file at a time: the document is
// {"files": [...], "summary": {...}}, so each file's object can be written
// as soon as it is checked and only the summary's totals are kept.
func (j jsonFormatter) Stream(w io.Writer) Stream {
	return &jsonStream{out: jsonWriter{w: w}, opts: j.opts, sum: newSummary(), same: map[sameResult][]byte{}}
}

type jsonStream struct {
	out   jsonWriter
	opts  Options
	sum   JSONSummary
	files int
	// same holds, indented, the results that read the same on every file
	// (a rule that passed or does not apply): most of a file's results.
	same map[sameResult][]byte
	// system is the system section, written before the summary; its
	// findings are converted as they are written (writeSystem).
	system *systemModel
}

// System keeps the system section for Close.
func (s *jsonStream) System(sys *checks.SystemReport) error {
	s.system = buildSystemFindings(sys, false)
	return nil
}

// Indentation of a file's object, of the lines of its results array, and
// of each result's fields: the document's second, third and fourth levels.
const (
	jsonFileIndent   = "    "
	jsonResultIndent = "        "
)

func (s *jsonStream) File(f checks.FileReport) error {
	jf := buildFile(f)
	decorate(&jf, s.opts)
	s.sum.add(f)
	if s.files == 0 {
		s.out.raw("{\n  \"files\": [\n" + jsonFileIndent)
	} else {
		s.out.raw(",\n" + jsonFileIndent)
	}
	s.files++
	s.file(jf)
	return s.out.err
}

// file writes one file's object. Its results array, the last member, is
// written one result at a time, so that a result that reads the same on
// every file is encoded once per run.
func (s *jsonStream) file(jf JSONFile) {
	results := jf.Results
	jf.Results = []JSONResult{}
	head := s.out.indented(jf, jsonFileIndent)
	const tail = "[]\n" + jsonFileIndent + "}"
	if len(results) == 0 || !bytes.HasSuffix(head, []byte(tail)) {
		jf.Results = results
		s.out.value(jf, jsonFileIndent)
		return
	}
	s.out.bytes(head[:len(head)-len(tail)])
	s.out.raw("[")
	for i, r := range results {
		if i > 0 {
			s.out.raw(",")
		}
		s.out.raw("\n" + jsonResultIndent)
		s.result(r)
	}
	s.out.raw("\n" + jsonFileIndent + "  ]\n" + jsonFileIndent + "}")
}

// result writes one element of a file's results.
func (s *jsonStream) result(r JSONResult) {
	key, same := sameResultOf(r)
	if !same {
		s.out.value(r, jsonResultIndent)
		return
	}
	b, ok := s.same[key]
	if !ok {
		b = bytes.Clone(s.out.indented(r, jsonResultIndent))
		s.same[key] = b
	}
	s.out.bytes(b)
}

// sameResult identifies a result that carries nothing of its file: no
// finding, so no message, location, fingerprint, waiver or baseline
// state. Its JSON depends only on these fields. (TestSameResultFields
// fails when JSONResult gains a field, so that it is considered here.)
type sameResult struct {
	rule, title string
	severity    rules.Severity
	status      checks.Status
	// frameworks is the rule's mapping slice, shared by every file's
	// result for the rule (and by the copies a severity override makes).
	frameworks *rules.Mapping
	n          int
	null       bool
}

func sameResultOf(r JSONResult) (sameResult, bool) {
	if r.Message != "" || r.Remediation != "" || r.Location != nil || r.Waiver != nil || r.Fingerprint != "" || r.Baseline != "" || r.Related != nil {
		return sameResult{}, false
	}
	k := sameResult{rule: r.Rule, title: r.Title, severity: r.Severity, status: r.Status, n: len(r.Frameworks), null: r.Frameworks == nil}
	if len(r.Frameworks) > 0 {
		k.frameworks = &r.Frameworks[0]
	}
	return k, true
}

func (s *jsonStream) Close() error {
	if s.files == 0 {
		s.out.raw("{\n  \"files\": [],\n  ")
	} else {
		s.out.raw("\n  ],\n  ")
	}
	if s.system != nil {
		s.out.raw("\"system\": ")
		s.writeSystem()
		s.out.raw(",\n  ")
	}
	s.out.raw("\"summary\": ")
	s.out.value(summaryWith(s.sum, s.opts), "  ")
	s.out.raw("\n}\n")
	return s.out.err
}

// Indentation of the system object's members, and of the elements of its
// lists.
const (
	jsonSystemIndent  = "    "
	jsonSystemElement = "      "
)

// writeSystem writes the system object as out.value would write its
// JSON model, but its lists an element at a time: at 10,000 services the
// section is over 100 MB, and encoded whole it would be held two or three
// times over (compact, indented, escaped). Members follow JSONSystem's
// order (TestJSONSystemStreamed compares the two).
func (s *jsonStream) writeSystem() {
	j := &s.system.json
	s.out.raw("{")
	s.member("score", j.Score)
	s.member("completeness", j.Completeness)
	s.member("verdict", j.Verdict)
	s.member("rules", j.Tally)
	s.list("services", len(j.Services), func(i int) any { return j.Services[i] })
	s.out.raw(",")
	s.list("dependencies", len(j.Dependencies), func(i int) any { return j.Dependencies[i] })
	s.out.raw(",")
	s.list("cycles", len(j.Cycles), func(i int) any { return j.Cycles[i] })
	s.out.raw(",")
	findings := s.system.rep.Findings
	s.list("findings", len(findings), func(i int) any { return s.system.finding(findings[i]) })
	s.out.raw("\n  }")
}

// member writes one member of the system object and the comma after it.
func (s *jsonStream) member(key string, v any) {
	s.out.raw("\n" + jsonSystemIndent + "\"" + key + "\": ")
	s.out.value(v, jsonSystemIndent)
	s.out.raw(",")
}

// list writes one list member of the system object, element by element.
func (s *jsonStream) list(key string, n int, elem func(i int) any) {
	s.out.raw("\n" + jsonSystemIndent + "\"" + key + "\": [")
	if n == 0 {
		s.out.raw("]")
	}
	for i := range n {
		if i > 0 {
			s.out.raw(",")
		}
		s.out.raw("\n" + jsonSystemElement)
		s.out.value(elem(i), jsonSystemElement)
	}
	if n > 0 {
		s.out.raw("\n" + jsonSystemIndent + "]")
	}
}
