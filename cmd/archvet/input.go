package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"sort"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/bundle"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/inputs"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/internal/system"
)

func newInputCommand() *cobra.Command {
	var evidence, artefacts bool
	var contextDir string
	cmd := &cobra.Command{
		Use:   "input FILE | input DIR|FILE...",
		Short: "Print a design review as the JSON input the policies see, for plain OPA",
		Long: `Print a design review (YAML, HCL or Markdown) as the JSON document archvet's
policies evaluate: decoded, with its imports merged, validated, and with
the _evidence archvet finds next to it (the documents it cites) and the
_artefacts it reads from the repository (Terraform, Kubernetes manifests,
OpenAPI specs), with the fields they derive filled in. Hand it to
opa eval -i, an OPA server or conftest with the bundle from archvet bundle
to get archvet's answers; only waivers need archvet itself.

Given a directory, several files, or --context DIR, the reviews form one
system, as in archvet check, and each input gains the _system field the
system rules read. The output is then one JSON object,
{"files": {PATH: INPUT, ...}}, with a key per review (PATH as archvet
check names the file); take one review's input out of it with
jq '.files["PATH"]'. With --context DIR, only the named files are printed.
A review that does not check is reported on standard error (exit 2) and
the others are still printed.`,
		Example: `  archvet input design.hcl > design.json
  opa eval -b archvet-bundle.tar.gz -i design.json 'data.archvet.engine.failed'
  archvet input designs/ > system.json
  jq '.files["designs/orders/design.yaml"]' system.json > orders.json
  opa eval -b archvet-bundle.tar.gz -i orders.json 'data.archvet.engine.failed'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sch, err := schema.Load()
			if err != nil {
				return err
			}
			opts := bundle.InputOptions{Evidence: evidence, Artefacts: artefacts}
			if len(args) == 1 && contextDir == "" {
				if info, err := os.Stat(args[0]); err != nil || !info.IsDir() {
					return printOneInput(cmd.OutOrStdout(), cmd.ErrOrStderr(), args[0], sch, opts)
				}
			}
			return printSystemInputs(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), args, contextDir, sch, opts)
		},
	}
	cmd.Flags().BoolVar(&artefacts, "artefacts", true, "include the _artefacts field (the facts of the Terraform, manifests and API specs beside the review) and the fields they derive")
	cmd.Flags().BoolVar(&evidence, "evidence", true, "include the _evidence field (set --evidence=false for the review alone)")
	cmd.Flags().StringVar(&contextDir, "context", "", "print the named reviews as part of the system of every review below `DIR`")
	return cmd
}

// printOneInput prints one review's input, as checked alone.
func printOneInput(stdout, stderr io.Writer, path string, sch *schema.Schema, opts bundle.InputOptions) error {
	src, err := readInput(path)
	if err != nil {
		return reportDiagnostics(stderr, diag.Diagnostics{diag.Errorf(&diag.Range{Filename: path}, "cannot read the file: %v", err)})
	}
	out, ds := bundle.Input(path, src, sch, opts)
	if err := reportDiagnostics(stderr, ds); err != nil {
		return err
	}
	_, err = stdout.Write(out)
	return err
}

// isReview tells, as archvet check does, a design review found in a
// directory from another file: it declares format_version (or, when it
// does not decode, mentions it).
func isReview(path string, src []byte, sch *schema.Schema) bool {
	doc, _ := document.Load(path, src, sch)
	if doc == nil {
		return bytes.Contains(src, []byte("format_version"))
	}
	_, ok := doc.Value["format_version"]
	return ok
}

func readInput(path string) ([]byte, error) {
	src, err := os.ReadFile(path)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return src, err
}

// printSystemInputs prints the inputs of the reviews the arguments name,
// each with its place in their system (and --context's reviews).
func printSystemInputs(ctx context.Context, stdout, stderr io.Writer, args []string, contextDir string, sch *schema.Schema, opts bundle.InputOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	files := inputs.Expand(args, inputs.Options{})
	reader := &checks.Checker{Schema: sch}
	all := files
	if contextDir != "" {
		b := checkerBuilder{o: checkOptions{contextDir: contextDir}, stderr: stderr}
		extra, err := b.contextInputs(files)
		if err != nil {
			return err
		}
		all = append(append([]checks.Input(nil), files...), extra...)
	}
	sys, _ := system.Build(reader.Facts(ctx, all))
	opts.System = sys
	// Each review's input is written as soon as it is built, so memory
	// holds one input at a time, not the whole system's (1.6 GB at 10,000
	// services when they were gathered into one map first). The reviews
	// go out in the order a JSON encoder gives a map's keys, so the output
	// is the same as that of encoding {"files": {PATH: INPUT}} whole.
	sort.SliceStable(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	out := newFilesWriter(stdout)
	var problems diag.Diagnostics
	seen := map[string]bool{}
	for _, in := range files {
		if in.Err != nil {
			problems = append(problems, diag.Errorf(&diag.Range{Filename: in.Path}, "%v", in.Err))
			continue
		}
		if seen[in.Path] {
			continue
		}
		src, err := readInput(in.Path)
		if err != nil {
			problems = append(problems, diag.Errorf(&diag.Range{Filename: in.Path}, "cannot read the file: %v", err))
			continue
		}
		if in.Discovered && !isReview(in.Path, src, sch) {
			continue // a YAML file of the tree that is not a design review, as check skips it
		}
		value, ds := bundle.InputValue(in.Path, src, sch, opts)
		problems = append(problems, ds...)
		if value == nil {
			continue
		}
		problems = append(problems, sys.Diagnostics(in.Path)...)
		seen[in.Path] = true
		if err := out.file(in.Path, value); err != nil {
			return err
		}
	}
	if err := out.close(); err != nil {
		return err
	}
	return reportDiagnostics(stderr, problems)
}

// filesWriter writes {"files": {PATH: INPUT, ...}} one entry at a time,
// indented as json.Encoder with SetIndent("", "  ") indents the whole.
type filesWriter struct {
	w     io.Writer
	n     int
	scrap bytes.Buffer
}

func newFilesWriter(w io.Writer) *filesWriter { return &filesWriter{w: w} }

func (f *filesWriter) file(path string, value any) error {
	f.scrap.Reset()
	if f.n == 0 {
		f.scrap.WriteString("{\n  \"files\": {\n")
	} else {
		f.scrap.WriteString(",\n")
	}
	f.n++
	f.scrap.WriteString("    ")
	enc := json.NewEncoder(&f.scrap)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(path); err != nil {
		return err
	}
	f.scrap.Truncate(f.scrap.Len() - 1) // the encoder's newline
	f.scrap.WriteString(": ")
	enc.SetIndent("    ", "  ")
	if err := enc.Encode(value); err != nil {
		return err
	}
	f.scrap.Truncate(f.scrap.Len() - 1)
	_, err := f.w.Write(f.scrap.Bytes())
	return err
}

func (f *filesWriter) close() error {
	if f.n == 0 {
		_, err := io.WriteString(f.w, "{\n  \"files\": {}\n}\n")
		return err
	}
	_, err := io.WriteString(f.w, "\n  }\n}\n")
	return err
}
