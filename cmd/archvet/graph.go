package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/internal/atomicfile"
	"github.com/archvet/archvet/internal/config"
	"github.com/archvet/archvet/internal/graphdraw"
	"github.com/archvet/archvet/internal/inputs"
	"github.com/archvet/archvet/internal/report"
	"github.com/archvet/archvet/internal/system"
)

// graphFormats are the drawings archvet graph writes.
var graphFormats = map[string]func(io.Writer, system.Graph, graphdraw.Options) error{
	"mermaid": graphdraw.Mermaid,
	"dot":     graphdraw.DOT,
	"svg":     graphdraw.SVG,
}

type graphOptions struct {
	check  checkOptions
	format string
	output string
}

func newGraphCommand() *cobra.Command {
	o := graphOptions{check: checkOptions{failOn: "high", failOnUnanswered: "none", color: "never"}, format: "mermaid"}
	cmd := &cobra.Command{
		Use:   "graph PATH...",
		Short: "Draw the service graph of a system of design reviews (Mermaid, DOT or SVG)",
		Long: `Check the design reviews below PATH as one system, as archvet check does,
and draw its service graph: one box per service, ranked by tier (tier 0 on
top) and coloured by its review's verdict, one arrow per dependency entry,
dashed when soft or asynchronous, red and bold where a system rule fails.
A dependency on a service no review names ends at a dashed box.

Mermaid is what GitHub renders in a Markdown file or comment (inside a
mermaid code block); DOT is Graphviz's (dot -Tpng); SVG is a picture laid
out by archvet itself, self-contained.

The drawing goes to standard output, or to FILE with -o (replaced
atomically; never one of the design reviews read). Exit codes: 0 drawn,
2 a usage or input error (a review that could not be evaluated is drawn
without its verdict, and its problems are printed).`,
		Example: `  archvet graph examples/system/
  archvet graph --format dot examples/system/ | dot -Tpng > system.png
  archvet graph --format svg -o system.svg designs/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGraph(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr(), o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "mermaid", "draw as `FORMAT`: mermaid, dot or svg")
	f.StringVarP(&o.output, "output", "o", "", "write the drawing to `FILE` instead of standard output")
	o.check.policySource.register(f)
	o.check.registerInputs(f)
	return cmd
}

// graphReport is the part of the JSON report a drawing needs: the system
// section's services and dependencies, and each file's problems.
type graphReport struct {
	Files  []graphFile `json:"files"`
	System *struct {
		Services     []report.JSONSystemService    `json:"services"`
		Dependencies []report.JSONSystemDependency `json:"dependencies"`
	} `json:"system"`
}

// graphFile is what a drawing keeps of each file: where it is, and the
// problems to print.
type graphFile struct {
	Path        string                  `json:"path"`
	Diagnostics []report.JSONDiagnostic `json:"diagnostics"`
}

// runGraph checks the reviews as archvet check would, through its JSON
// report (so the drawing shows what check reports, verdicts and failing
// system rules included), and draws the system section.
func runGraph(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, o graphOptions, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	draw, ok := graphFormats[o.format]
	if !ok {
		return usageError("--format: unknown drawing %q (want mermaid, dot or svg)", o.format)
	}
	if o.output != "" {
		if err := refuseGraphOverwrite(o, args); err != nil {
			return err
		}
	}
	co := o.check
	co.formats = []string{"json"}
	// The check's JSON report is read as it is written, through a pipe:
	// only the parts a drawing needs are kept, not the report (some 2 GB
	// for a system of 10,000 services, each file's results included).
	pr, pw := io.Pipe()
	checked := make(chan error, 1)
	go func() {
		err := runCheck(ctx, stdin, pw, stderr, co, args)
		_ = pw.Close()
		checked <- err
	}()
	rep, readErr := readGraphReport(pr)
	_, _ = io.Copy(io.Discard, pr) // let the check finish whatever happened
	code := exitOK
	if err := <-checked; err != nil {
		var ee *exitError
		switch {
		case ctx.Err() != nil:
			return err
		case errors.As(err, &ee) && ee.err == nil && ee.code == exitGateFail:
			// The gate is check's business; the drawing shows the verdicts.
		case errors.As(err, &ee) && ee.err == nil && ee.code == exitBadInput:
			code = exitBadInput
		default:
			return err
		}
	}
	if readErr != nil {
		return fmt.Errorf("reading the check's report: %w", readErr)
	}
	for _, f := range rep.Files {
		for _, d := range f.Diagnostics {
			at := d.Location.Path
			if d.Location.Line > 0 {
				at = fmt.Sprintf("%s:%d:%d", at, d.Location.Line, d.Location.Column)
			}
			fmt.Fprintf(stderr, "%s: %s: %s\n", at, d.Severity, d.Message)
		}
	}
	if rep.System == nil {
		return usageError("%s: a graph needs a system, two design reviews or more; found %d", strings.Join(args, ", "), len(rep.Files))
	}
	g, opts := graphOf(rep)
	var drawing bytes.Buffer
	if err := draw(&drawing, g, opts); err != nil {
		return err
	}
	if o.output == "" {
		if _, err := stdout.Write(drawing.Bytes()); err != nil {
			return err
		}
	} else if err := atomicfile.Write(o.output, drawing.Bytes(), 0o644); err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("-o: %w", err)}
	}
	if code != exitOK {
		return &exitError{code: code}
	}
	return nil
}

// readGraphReport reads the parts of a JSON report a drawing needs, one
// file at a time, skipping everything else.
func readGraphReport(r io.Reader) (graphReport, error) {
	var rep graphReport
	dec := json.NewDecoder(r)
	if err := expectDelim(dec, '{'); err != nil {
		return rep, err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return rep, err
		}
		switch key {
		case "files":
			if err := expectDelim(dec, '['); err != nil {
				return rep, err
			}
			for dec.More() {
				var f graphFile
				if err := dec.Decode(&f); err != nil {
					return rep, err
				}
				rep.Files = append(rep.Files, f)
			}
			if _, err := dec.Token(); err != nil {
				return rep, err
			}
		case "system":
			if err := dec.Decode(&rep.System); err != nil {
				return rep, err
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return rep, err
			}
		}
	}
	return rep, expectDelim(dec, '}')
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != want {
		return fmt.Errorf("found %v where %v was expected", tok, want)
	}
	return nil
}

// graphOf turns the report's system section back into the graph and its
// colouring.
func graphOf(rep graphReport) (system.Graph, graphdraw.Options) {
	var g system.Graph
	opts := graphdraw.Options{Title: "Service graph", Verdicts: map[string]string{}, Scores: map[string]float64{}, Failing: map[string]bool{}}
	for _, s := range rep.System.Services {
		g.Services = append(g.Services, system.Service{Name: s.Name, File: s.File, Tier: s.Tier})
		if s.Reported && s.Score != nil {
			opts.Verdicts[s.Name], opts.Scores[s.Name] = s.Verdict, *s.Score
		}
	}
	for _, d := range rep.System.Dependencies {
		g.Edges = append(g.Edges, system.Edge{From: d.From, To: d.To, Index: d.Index, Hard: d.Hard, Sync: d.Sync, Attempts: d.Attempts, Reviewed: d.Reviewed})
		if d.Failing {
			opts.Failing[graphdraw.EdgeKey(d.From, d.Index)] = true
		}
	}
	return g, opts
}

// refuseGraphOverwrite stops a drawing that would replace one of the
// design reviews it reads, or their configuration.
func refuseGraphOverwrite(o graphOptions, args []string) error {
	target, err := os.Stat(o.output)
	if err != nil {
		return nil
	}
	configs := config.NewResolver(o.check.configPath)
	for _, in := range inputs.Expand(args, inputs.Options{Exclude: o.check.excludes, Configs: configs, MaxFileSize: o.check.maxFileSize}) {
		for _, p := range []string{in.Path, configs.For(in.Path)} {
			if info, err := os.Stat(p); p != "" && err == nil && os.SameFile(info, target) {
				return usageError("-o %s would overwrite %s, read by this run; archvet never writes over its input: name another file", o.output, p)
			}
		}
	}
	return nil
}
