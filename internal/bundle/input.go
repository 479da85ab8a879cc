package bundle

import (
	"bytes"
	"encoding/json"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/imports"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/internal/system"
)

// InputOptions say how much of archvet's preparation goes into the input.
type InputOptions struct {
	// Evidence adds the _evidence field archvet computes from the files
	// next to the review, so plain OPA judges PR600 as archvet does.
	Evidence bool
	// System, when set, gives the review its _system input: its place in
	// the system of reviews it is checked with (archvet input DIR).
	System *system.System
	// Artefacts adds the _artefacts field archvet reads from the
	// repository's Terraform, manifests and API specs, and fills the
	// fields they derive, so plain OPA judges the claims as archvet does.
	Artefacts bool
	// Reader reads the artefacts; nil means checks.DefaultArtefactReader.
	Reader checks.ArtefactReader
}

// Input turns a design review (YAML, HCL or Markdown) into the JSON
// document archvet's policies see: decoded, imports merged, validated, and
// optionally with evidence. Given to plain OPA as input, it makes the
// bundle's answers archvet's, waivers aside.
func Input(path string, src []byte, sch *schema.Schema, opts InputOptions) ([]byte, diag.Diagnostics) {
	value, ds := InputValue(path, src, sch, opts)
	if value == nil {
		return nil, ds
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(value); err != nil {
		return nil, append(ds, diag.Errorf(&diag.Range{Filename: path}, "converting to JSON: %v", err))
	}
	return buf.Bytes(), ds
}

// InputValue is Input before it is written as JSON: nil when the review
// does not check.
func InputValue(path string, src []byte, sch *schema.Schema, opts InputOptions) (map[string]any, diag.Diagnostics) {
	doc, ds := document.Load(path, src, sch)
	if doc == nil || ds.HasErrors() {
		return nil, ds
	}
	is := imports.Apply(doc)
	ds = append(ds, is...)
	if is.HasErrors() {
		return nil, ds
	}
	vs := sch.Validate(doc)
	ds = append(ds, vs...)
	if vs.HasErrors() {
		return nil, ds
	}
	if opts.Evidence {
		checks.AttachEvidence(doc, sch)
	}
	if opts.Artefacts {
		read := opts.Reader
		if read == nil {
			read = checks.DefaultArtefactReader
		}
		_, as := checks.AttachArtefacts(doc, read)
		ds = append(ds, as...)
		if as.HasErrors() {
			return nil, ds
		}
	}
	if opts.System != nil {
		// As in a check: archvet's answer, never the review's own.
		delete(doc.Value, system.InputKey)
		if v := opts.System.Input(path); v != nil {
			doc.Value[system.InputKey] = v
		}
	}
	return doc.Value, ds
}
